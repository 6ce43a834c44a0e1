import { backendFetch } from "@lib/backend"

type Context = { params: Promise<{ id: string }> }

/**
 * `POST /portal/service-orders/:id/intake[?order=<orderId>]`: the intake
 * form's submission (multipart: an `answers` JSON part and a part per file,
 * named by its field key), passed through to the store API with the
 * publishable key and the client's token, which the browser cannot send
 * itself (for a guest: the access token this browser holds for the service
 * order's order, `order`). Answers the backend's
 * status and JSON unchanged (`{ service_order }`, or the error with its
 * per-field `errors`).
 */
export async function POST(request: Request, { params }: Context) {
  // Only this storefront's own pages post here (the session cookie is SameSite=Lax; this checks the rest).
  const origin = request.headers.get("origin")
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host")
  if (origin && host && new URL(origin).host !== host) {
    return Response.json({ type: "not_allowed", code: "forbidden", message: "Cross-site submission refused." }, { status: 403 })
  }
  const contentType = request.headers.get("content-type") ?? ""
  if (!/^multipart\/form-data|^application\/json/i.test(contentType)) {
    return Response.json({ type: "invalid_data", code: "invalid_data", message: "Send the form as multipart/form-data." }, { status: 400 })
  }
  const { id } = await params
  const orderId = new URL(request.url).searchParams.get("order")
  let response: Response
  try {
    response = await backendFetch(`/store/portico/service-orders/${encodeURIComponent(id)}/intake`, {
      method: "POST",
      headers: { "content-type": contentType },
      body: request.body,
      // Stream the upload through instead of holding it in memory.
      duplex: "half",
    } as RequestInit, orderId)
  } catch {
    return Response.json(
      { type: "unexpected_state", code: "unavailable", message: "We could not reach the store. Please try again in a moment." },
      { status: 502 }
    )
  }
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = { type: "unexpected_state", message: response.ok ? "Unexpected answer from the store." : text.slice(0, 300) || response.statusText }
  }
  return Response.json(body, { status: response.status })
}
