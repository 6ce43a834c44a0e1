import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { accessibleServiceOrder } from "../../../../../../utils/order-access"
import { sendIntakeFile } from "../../../../../../utils/intake-files"

/** `GET /store/portico/service-orders/:id/files/:file_id`: a file the client uploaded with the intake (404 for others). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await accessibleServiceOrder(req, req.params.id)
  await sendIntakeFile(req, res, req.params.id, req.params.file_id)
}
