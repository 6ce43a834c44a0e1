import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PorticoErrorCode } from "../../../../contracts/errors"
import { clock } from "../../../../utils/clock"
import { recordFileDownloadWorkflow } from "../../../../workflows/entitlement/workflows/record-file-download"
import { downloadTarget } from "../../../shared/entitlements"
import { readDownloadToken } from "../../../utils/download-link"
import { sendPrivateFile } from "../../../utils/send-private-file"

/**
 * `GET /portico/downloads/:token`: the file behind a download link (made by
 * `POST /store/portico/files/:id/download-link`). The token is signed and
 * short-lived; a tampered or expired one is refused (403
 * `download_link_invalid`). The client's entitlement is checked again at
 * this moment (404, or 403 `not_entitled`), the file's newest version is
 * resolved, the download recorded (`portico.file.downloaded`) and the content
 * streamed as an attachment (`sendPrivateFile`: never rendered from the
 * backend's origin).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const claim = readDownloadToken(config, req.params.token)
  if (!claim) {
    res.status(403).json({
      type: "not_allowed",
      code: PorticoErrorCode.DOWNLOAD_LINK_INVALID,
      message: "This download link is invalid or has expired. Open the file again from your portal.",
    })
    return
  }
  const target = await downloadTarget(req.scope, claim.customer_id, claim.file_id, clock.now())
  const {
    data: [customer],
  } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["email"],
    filters: { id: claim.customer_id },
  })
  await recordFileDownloadWorkflow(req.scope).run({
    input: {
      file_id: target.file_id,
      version_id: target.version_id,
      version: target.version,
      filename: target.filename,
      customer_id: claim.customer_id,
      email: (customer?.email as string | undefined) ?? null,
      order_id: target.order_id,
    },
  })
  await sendPrivateFile(req, res, target)
}
