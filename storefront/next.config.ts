import type { NextConfig } from "next"

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The storefront is its own npm project inside the plugin's repository:
  // trace and bundle from this folder, not from the repository root.
  outputFileTracingRoot: __dirname,
  turbopack: { root: __dirname },
  // The storefront talks to Medusa only from the server (src/lib/data), with
  // the backend URL and publishable key read at request time, so a build needs
  // no running backend.
}

export default nextConfig
