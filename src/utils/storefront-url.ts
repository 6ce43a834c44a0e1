/** The environment variables {@link storefrontUrlFromEnv} reads. */
export type StorefrontUrlEnv = {
  PORTICO_STOREFRONT_URL?: string
  STOREFRONT_URL?: string
  STOREFRONT_PORT?: string
}

/**
 * The storefront's public base URL, without a trailing slash: the links in
 * emails (portal, intake pages, orders) start with it.
 *
 * `PORTICO_STOREFRONT_URL`, else `STOREFRONT_URL`, else
 * `http://localhost:<STOREFRONT_PORT>` (the port `npm run dev` starts the
 * storefront on, 8000 by default), so that changing the port alone keeps the
 * links working in development.
 */
export function storefrontUrlFromEnv(env: StorefrontUrlEnv = process.env): string {
  const explicit = (env.PORTICO_STOREFRONT_URL || env.STOREFRONT_URL || "").trim()
  const port = (env.STOREFRONT_PORT || "").trim() || "8000"
  return (explicit || `http://localhost:${port}`).replace(/\/+$/, "")
}
