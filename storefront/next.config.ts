import type { NextConfig } from "next"

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The storefront talks to Medusa only from the server (src/lib/data), with
  // the backend URL and publishable key read at request time, so a build needs
  // no running backend.
  poweredByHeader: false,
}

export default nextConfig
