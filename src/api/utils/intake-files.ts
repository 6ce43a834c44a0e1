import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { sendPrivateFile } from "./send-private-file"
import type { IntakeFileView } from "../shared/service-orders"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"

/**
 * Whether a file belongs to a service order's intake answers: the file
 * module's id and its name, or `null`.
 */
async function intakeFileOf(scope: MedusaContainer, serviceOrderId: string, fileId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: submissions } = await query.graph({
    entity: "intake_submission",
    fields: ["files"],
    filters: { service_order_id: serviceOrderId },
  })
  for (const s of submissions) {
    const hit = (s.files as unknown as IntakeFileView[]).find((f) => f.file_id === fileId)
    if (hit) {
      return hit
    }
  }
  return null
}

/**
 * Streams one file of a service order's intake answers (from Medusa's file
 * module, where it is private) as an attachment. 404 when the file is not
 * one of that service order's. The caller checks who may see the order.
 */
export async function sendIntakeFile(req: MedusaRequest, res: MedusaResponse, serviceOrderId: string, fileId: string) {
  const file = await intakeFileOf(req.scope, serviceOrderId, fileId)
  if (!file) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `File ${fileId} was not found.`)
  }
  await sendPrivateFile(req, res, { file_key: file.file_id, filename: file.filename, mime_type: file.mime_type })
}
