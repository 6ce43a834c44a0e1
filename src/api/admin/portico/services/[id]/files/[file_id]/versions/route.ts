import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminProductFileResponse } from "../../../../../../../../contracts/http"
import { changeProductFileWorkflow } from "../../../../../../../../workflows/entitlement/workflows/change-product-file"
import { adminProductFile } from "../../../../../../../shared/entitlements"
import { withFieldErrors } from "../../../../../../../utils/domain-errors"
import { withUploadedFile } from "../../../../../../../utils/product-file-upload"

/**
 * `POST /admin/portico/services/:id/files/:file_id/versions`
 * (`multipart/form-data` with a `file` part): replaces the file with a new
 * version; clients download it from now on, earlier versions stay on record.
 * Returns `{ file }`.
 */
export const POST = withFieldErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await withUploadedFile(req, res, async ({ file }) => {
    await changeProductFileWorkflow(req.scope).run({
      input: {
        action: "replace",
        product_id: req.params.id,
        file_id: req.params.file_id,
        version: { file_key: file.file_id, filename: file.filename, mime_type: file.mime_type, size: file.size, created_by: req.auth_context.actor_id },
      },
    })
    const answer: AdminProductFileResponse = { file: await adminProductFile(req.scope, req.params.id, req.params.file_id) }
    res.json(answer)
  })
})
