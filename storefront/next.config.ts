import path from "node:path"
import type { NextConfig } from "next"

// The plugin's repository: the storefront compiles Portico's contracts and
// typed client from its source (`../src/contracts`, `../src/client`, mapped
// as `medusa-plugin-portico/contracts` and `/client` in tsconfig.json), so
// the bundler's root is the repository, not this folder.
const repository = path.join(__dirname, "..")

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The storefront is its own npm project inside the plugin's repository; its
  // own dependencies come from storefront/node_modules, Portico's contracts
  // and client (and their one dependency, zod) from the repository.
  outputFileTracingRoot: repository,
  turbopack: { root: repository },
  // The storefront talks to Medusa only from the server (src/lib/data), with
  // the backend URL and publishable key read at request time, so a build needs
  // no running backend.

  // The account area became the customer portal: the old addresses (in
  // emails already sent, bookmarks) lead to the same pages there, with their
  // query strings.
  async redirects() {
    return [
      { source: "/account", destination: "/portal", permanent: false },
      { source: "/account/:path*", destination: "/portal/:path*", permanent: false },
      { source: "/service-orders/:path*", destination: "/portal/service-orders/:path*", permanent: false },
    ]
  },
}

export default nextConfig
