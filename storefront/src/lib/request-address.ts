import "server-only"
import { headers } from "next/headers"

/**
 * The visitor's address as this server received it, for the backend's
 * per-address login-link limits: the storefront asks for links from its own
 * server, so without it every visitor would count as one address. The last
 * hop of `X-Forwarded-For` (added by the proxy in front of this server, or by
 * Next itself from the socket) is sent on as `X-Forwarded-For`; Medusa trusts
 * one proxy hop (`trust proxy` 1), so the backend's `req.ip` is that address.
 */
export async function forwardedFor(): Promise<Record<string, string>> {
  const chain = (await headers()).get("x-forwarded-for")
  const last = chain
    ?.split(",")
    .map((hop) => hop.trim())
    .filter(Boolean)
    .pop()
  return last ? { "x-forwarded-for": last } : {}
}
