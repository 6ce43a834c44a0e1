import "server-only"
import { orderHeaders } from "@lib/cookies"

/**
 * A raw call to the Medusa backend for the storefront's own route handlers
 * that pass bodies and files through untouched (intake uploads, file and PDF
 * downloads), which the js-sdk's JSON client does not: with the publishable
 * key and the signed-in client's token, as the browser cannot send them, and
 * with the access token of `orderId` when this browser placed that order as
 * a guest.
 */
export async function backendFetch(path: string, init: RequestInit = {}, orderId?: string | null): Promise<Response> {
  const base = (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")
  const headers = new Headers(init.headers)
  if (process.env.MEDUSA_PUBLISHABLE_KEY) {
    headers.set("x-publishable-api-key", process.env.MEDUSA_PUBLISHABLE_KEY)
  }
  for (const [name, value] of Object.entries(await orderHeaders(orderId))) {
    headers.set(name, value)
  }
  return fetch(`${base}${path}`, { ...init, headers, cache: "no-store", redirect: "manual" })
}

const PASSED_HEADERS = ["content-type", "content-length", "content-disposition", "last-modified", "etag"]

/**
 * A file from the backend handed to the browser as a download: `load` is the
 * backend call; its body is streamed through with its type, size and name,
 * never cached, never rendered as a page of this site. A refusal becomes a
 * short text: `notFound` for a 404 (not the client's, or gone).
 */
export async function streamDownload(load: () => Promise<Response>, notFound: string): Promise<Response> {
  let response: Response
  try {
    response = await load()
  } catch {
    return new Response("The store could not be reached. Please try again in a moment.", { status: 502 })
  }
  if (!response.ok || !response.body) {
    return new Response(response.status === 404 ? notFound : "The file could not be downloaded.", {
      status: response.status === 404 ? 404 : 502,
      headers: { "content-type": "text/plain; charset=utf-8" },
    })
  }
  const headers = new Headers({ "cache-control": "private, no-store", "x-content-type-options": "nosniff" })
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name)
    if (value) {
      headers.set(name, value)
    }
  }
  if (!/^attachment/i.test(headers.get("content-disposition") ?? "")) {
    headers.set("content-disposition", "attachment")
  }
  return new Response(response.body, { status: 200, headers })
}
