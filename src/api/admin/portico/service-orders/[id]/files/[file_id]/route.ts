import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendIntakeFile } from "../../../../../../utils/intake-files"

/** `GET /admin/portico/service-orders/:id/files/:file_id`: a file the client uploaded with the intake. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendIntakeFile(req, res, req.params.id, req.params.file_id)
}
