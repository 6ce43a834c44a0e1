import { redirect } from "next/navigation"
import { getAuthToken } from "@lib/cookies"
import { createDownloadLink } from "@lib/data/downloads"
import type { DownloadError } from "@lib/util/entitlements"
import { loginHref } from "@lib/util/portal"
import { PorticoErrorCode } from "medusa-plugin-portico/contracts"

type Context = { params: Promise<{ fileId: string }> }

/** Back to "Files & keys", which says why the download did not start (`download_error` in lib/util/entitlements). */
function refused(reason: DownloadError): Response {
  return new Response(null, { status: 303, headers: { location: `/portal/downloads?download_error=${reason}`, "cache-control": "private, no-store" } })
}

/**
 * `GET /portal/downloads/file/:fileId`: downloads the newest
 * version of one of the client's files. The backend, asked with the client's
 * session, checks the entitlement and answers a link valid a few minutes
 * (`/portico/downloads/<token>` on the backend, which streams the file as an
 * attachment); the browser is sent there (303). No permanent file address
 * ever reaches the page. Not signed in: the login page, which comes back to
 * "Files & keys". Refused (not theirs, gone, no longer entitled) or the
 * store unreachable: back to "Files & keys", which says so.
 */
export async function GET(_request: Request, { params }: Context) {
  const { fileId } = await params
  if (!(await getAuthToken())) {
    redirect(loginHref("/portal/downloads"))
  }
  let link: Awaited<ReturnType<typeof createDownloadLink>>
  try {
    link = await createDownloadLink(fileId)
  } catch {
    return refused("unreachable")
  }
  if ("status" in link) {
    if (link.status === 401) {
      // The session ended meanwhile.
      redirect(loginHref("/portal/downloads"))
    }
    // `not_entitled` (the purchase no longer gives access) is told by its code, whatever the status.
    return refused(link.code === PorticoErrorCode.NOT_ENTITLED ? "not_entitled" : link.status === 404 ? "not_found" : "failed")
  }
  let target: URL
  try {
    target = new URL(link.url, process.env.MEDUSA_BACKEND_URL || "http://localhost:9000")
  } catch {
    return refused("failed")
  }
  if (target.protocol !== "https:" && target.protocol !== "http:") {
    return refused("failed")
  }
  return new Response(null, {
    status: 303,
    headers: { location: target.toString(), "cache-control": "private, no-store", "referrer-policy": "no-referrer" },
  })
}
