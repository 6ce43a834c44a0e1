import { backendFetch, streamDownload } from "@lib/backend"

type Context = { params: Promise<{ id: string; fileId: string }> }

/**
 * `GET /portal/service-orders/:id/files/:fileId[?order=<orderId>]`: a file the
 * client uploaded with an intake form, streamed from the store API with the
 * publishable key and the client's token (a browser link cannot send them),
 * or, for a guest, the access token this browser holds for the service
 * order's order (`order`). The backend decides who may read it: anyone else
 * gets "not found".
 */
export async function GET(request: Request, { params }: Context) {
  const { id, fileId } = await params
  const orderId = new URL(request.url).searchParams.get("order")
  return streamDownload(
    () => backendFetch(`/store/portico/service-orders/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`, {}, orderId),
    "File not found."
  )
}
