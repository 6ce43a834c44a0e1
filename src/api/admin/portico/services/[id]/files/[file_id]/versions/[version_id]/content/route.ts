import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../../../../../../../../modules/entitlement"
import type EntitlementModuleService from "../../../../../../../../../../modules/entitlement/service"
import { PorticoError, PorticoErrorCode } from "../../../../../../../../../../utils/errors"
import { sendPrivateFile } from "../../../../../../../../../utils/send-private-file"

/** `GET /admin/portico/services/:id/files/:file_id/versions/:version_id/content`: one version's content for the merchant, as an attachment. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
  const [file] = await service.listProductFiles({ id: req.params.file_id, product_id: req.params.id }, { select: ["id"], withDeleted: true })
  const [version] = file
    ? await service.listProductFileVersions({ id: req.params.version_id, file_id: file.id }, { select: ["file_key", "filename", "mime_type"] })
    : []
  if (!version) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Version ${req.params.version_id} was not found.`)
  }
  await sendPrivateFile(req, res, version)
}
