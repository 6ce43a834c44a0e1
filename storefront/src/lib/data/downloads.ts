// Server-only (not a server action): the download route asks for the link.
import "server-only"
import { portico } from "@lib/config"
import { authHeaders } from "@lib/cookies"
import { isPorticoApiError } from "medusa-plugin-portico/client"

const ID = /^[A-Za-z0-9_-]{1,100}$/

/** A short-lived link to a file's newest version, or why there is none (the backend's status and words). */
export type DownloadLink = { url: string; expires_at: string } | { status: number; code?: string; message: string }

/**
 * Asks the backend, as the signed-in client, for a link to the newest version
 * of one of their files. The
 * backend checks the entitlement now; the link is valid a few minutes and the
 * backend checks it again when the browser opens it.
 */
export async function createDownloadLink(fileId: string): Promise<DownloadLink> {
  if (!ID.test(fileId)) {
    return { status: 404, message: "File not found." }
  }
  try {
    const { download } = await portico().store.files.downloadLink(fileId, { headers: await authHeaders(), cache: "no-store" })
    return download
  } catch (e) {
    if (isPorticoApiError(e)) {
      return { status: e.status, code: e.code, message: e.message }
    }
    throw e
  }
}
