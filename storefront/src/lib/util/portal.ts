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

/**
 * The paging of a portal list: the page asked for (`?page=`, 1 when absent
 * or not a number), what to fetch for it, a page's address keeping the list's
 * filters (`?status=…&page=n`), and how many pages `count` items make.
 */
export function listPaging(rawPage: unknown, filters: Record<string, string | undefined> = {}, pageSize = 20) {
  const page = Math.max(1, Math.floor(Number(rawPage)) || 1)
  const kept = Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]))
  return {
    page,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    href: (n: number) => `?${new URLSearchParams({ ...kept, ...(n > 1 ? { page: String(n) } : {}) })}`,
    pages: (count: number) => Math.max(1, Math.ceil(count / pageSize)),
  }
}
