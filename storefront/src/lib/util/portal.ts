/** Where the portal starts. */
export const PORTAL_HOME = "/portal"

/**
 * `next` when it is a path of this storefront (starts with one "/", not
 * "//" nor "/\", no control characters), else the portal's overview: the
 * login pages only ever send a client back inside the site.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return PORTAL_HOME
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(next)) {
    return PORTAL_HOME
  }
  return next
}

/** The login page for `next` (a portal deep link), with the email filled in when known. */
export function loginHref(next?: string | null, email?: string | null): string {
  const params = new URLSearchParams()
  if (email) {
    params.set("email", email)
  }
  const target = safeNext(next)
  if (target !== PORTAL_HOME) {
    params.set("next", target)
  }
  const query = params.toString()
  return `${PORTAL_HOME}/login${query ? `?${query}` : ""}`
}
