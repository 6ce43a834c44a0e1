import { backendFetch } from "@lib/backend"

type Context = { params: Promise<{ id: string; fileId: string }> }

const PASSED_HEADERS = ["content-type", "content-length", "content-disposition", "last-modified", "etag"]

/**
 * `GET /service-orders/:id/files/:fileId`: a file the client uploaded with
 * an intake form, streamed from the store API with the publishable key and
 * the client's token (a browser link cannot send them). The backend decides
 * who may read it: anyone else gets "not found".
 */
export async function GET(_request: Request, { params }: Context) {
  const { id, fileId } = await params
  let response: Response
  try {
    response = await backendFetch(
      `/store/portico/service-orders/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`
    )
  } catch {
    return new Response("The store could not be reached. Please try again in a moment.", { status: 502 })
  }
  if (!response.ok || !response.body) {
    return new Response(response.status === 404 ? "File not found." : "The file could not be downloaded.", {
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
  // Always a download: an uploaded file is never rendered as a page of this site.
  if (!/^attachment/i.test(headers.get("content-disposition") ?? "")) {
    headers.set("content-disposition", "attachment")
  }
  return new Response(response.body, { status: 200, headers })
}
