import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { AdminProductFileResponse, Deleted } from "../../../../../../../contracts/http"
import { changeProductFileWorkflow } from "../../../../../../../workflows/entitlement/workflows/change-product-file"
import type { AdminUpdateProductFile } from "../../../../../../shared/entitlement-params"
import { adminProductFile } from "../../../../../../shared/entitlements"

/** `GET /admin/portico/services/:id/files/:file_id`: one file with its versions (404 for a file of another service). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminProductFileResponse>) {
  res.json({ file: await adminProductFile(req.scope, req.params.id, req.params.file_id) })
}

/** `POST /admin/portico/services/:id/files/:file_id { title?, position? }`: renames or moves a file. Returns `{ file }`. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminUpdateProductFile>>,
  res: MedusaResponse<AdminProductFileResponse>
) {
  await changeProductFileWorkflow(req.scope).run({
    input: { action: "update", product_id: req.params.id, file_id: req.params.file_id, ...req.validatedBody },
  })
  res.json({ file: await adminProductFile(req.scope, req.params.id, req.params.file_id) })
}

/**
 * `DELETE /admin/portico/services/:id/files/:file_id`: removes the file from
 * the service (clients no longer see it); its versions, stored content and
 * download records stay for the record.
 */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<Deleted<"product_file">>) {
  await changeProductFileWorkflow(req.scope).run({ input: { action: "remove", product_id: req.params.id, file_id: req.params.file_id } })
  res.json({ id: req.params.file_id, object: "product_file", deleted: true })
}
