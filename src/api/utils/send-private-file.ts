import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"

/** Types a browser could render or run: always sent as bytes, never as what they are. */
const ACTIVE_CONTENT = /html|svg|xml|javascript|ecmascript|x-sh|x-httpd|wasm/i

/**
 * Streams a private file of Medusa's file module as an attachment under
 * `filename`: `Content-Disposition: attachment`, `nosniff`, a sandboxing CSP,
 * no caching, and `application/octet-stream` for HTML, SVG, XML or script, so
 * nothing uploaded (by a client or a merchant) is ever rendered from the
 * backend's origin. The caller has checked who may have it.
 */
export async function sendPrivateFile(req: MedusaRequest, res: MedusaResponse, file: { file_key: string; filename: string; mime_type: string | null }) {
  const stream = await req.scope.resolve(Modules.FILE).getDownloadStream(file.file_key)
  const type = !file.mime_type || ACTIVE_CONTENT.test(file.mime_type) ? "application/octet-stream" : file.mime_type
  res.setHeader("Content-Type", type)
  res.setHeader("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox")
  res.setHeader("Cache-Control", "private, no-store")
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject)
    res.on("finish", () => resolve())
    stream.pipe(res)
  })
}
