import "server-only"
import { authHeaders } from "@lib/cookies"

/**
 * A raw call to the Medusa backend for the storefront's own route handlers
 * that pass bodies and files through untouched (intake uploads, file
 * downloads), which the js-sdk's JSON client does not: with the publishable
 * key and the signed-in client's token, as the browser cannot send them.
 */
export async function backendFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const base = (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")
  const headers = new Headers(init.headers)
  if (process.env.MEDUSA_PUBLISHABLE_KEY) {
    headers.set("x-publishable-api-key", process.env.MEDUSA_PUBLISHABLE_KEY)
  }
  for (const [name, value] of Object.entries(await authHeaders())) {
    headers.set(name, value)
  }
  return fetch(`${base}${path}`, { ...init, headers, cache: "no-store", redirect: "manual" })
}
