import { redirect } from "next/navigation"
import { getAuthToken } from "@lib/cookies"
import { createDownloadLink } from "@lib/data/downloads"
import { loginHref } from "@lib/util/portal"

type Context = { params: Promise<{ fileId: string }> }

const TEXT = { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store", "x-content-type-options": "nosniff" }

/**
 * `GET /portal/downloads/file/:fileId[?order=<orderId>]`: downloads the newest
 * version of one of the client's files. The backend, asked with the client's
 * session, checks the entitlement and answers a link valid a few minutes
 * (`/portico/downloads/<token>` on the backend, which streams the file as an
 * attachment); the browser is sent there (303). No permanent file address
 * ever reaches the page. Not signed in: the login page, which comes back to
 * "Files & keys". Not theirs or gone: "not found"; no longer entitled: the
 * backend's reason.
 */
export async function GET(request: Request, { params }: Context) {
  const { fileId } = await params
  if (!(await getAuthToken())) {
    redirect(loginHref("/portal/downloads"))
  }
  const orderId = new URL(request.url).searchParams.get("order")
  let link: Awaited<ReturnType<typeof createDownloadLink>>
  try {
    link = await createDownloadLink(fileId, orderId)
  } catch {
    return new Response("The store could not be reached. Please try again in a moment.", { status: 502, headers: TEXT })
  }
  if ("status" in link) {
    const status = link.status === 401 || link.status === 404 ? 404 : link.status === 403 ? 403 : 502
    const message =
      status === 404 ? "File not found." : status === 403 ? link.message : "The file could not be downloaded. Please try again in a moment."
    return new Response(message, { status, headers: TEXT })
  }
  let target: URL
  try {
    target = new URL(link.url, process.env.MEDUSA_BACKEND_URL || "http://localhost:9000")
  } catch {
    return new Response("The file could not be downloaded. Please try again in a moment.", { status: 502, headers: TEXT })
  }
  if (target.protocol !== "https:" && target.protocol !== "http:") {
    return new Response("The file could not be downloaded. Please try again in a moment.", { status: 502, headers: TEXT })
  }
  return new Response(null, {
    status: 303,
    headers: { location: target.toString(), "cache-control": "private, no-store", "referrer-policy": "no-referrer" },
  })
}
