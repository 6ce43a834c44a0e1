import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminProductFileResponse, AdminProductFilesResponse } from "../../../../../../contracts/http"
import { changeProductFileWorkflow } from "../../../../../../workflows/entitlement/workflows/change-product-file"
import { adminProductFile, adminProductFiles } from "../../../../../shared/entitlements"
import { withUploadedFile } from "../../../../../utils/product-file-upload"
import { withFieldErrors } from "../../../../../utils/domain-errors"

/** `GET /admin/portico/services/:id/files`: the service's files with every version and their download counts. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminProductFilesResponse>) {
  res.json({ files: await adminProductFiles(req.scope, req.params.id) })
}

/**
 * `POST /admin/portico/services/:id/files` (`multipart/form-data`: a `file`
 * part, an optional `title`, default the file name): adds a file to the
 * service, stored private. 400 `invalid_file` (field `file` or `title`), 404
 * for an unknown service, 413 past the size limit. Returns `{ file }` (201).
 */
export const POST = withFieldErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await withUploadedFile(req, res, async ({ file, title }) => {
    const { result } = await changeProductFileWorkflow(req.scope).run({
      input: {
        action: "add",
        product_id: req.params.id,
        title: title ?? file.filename,
        version: { file_key: file.file_id, filename: file.filename, mime_type: file.mime_type, size: file.size, created_by: req.auth_context.actor_id },
      },
    })
    const answer: AdminProductFileResponse = { file: await adminProductFile(req.scope, req.params.id, result.file_id) }
    res.status(201).json(answer)
  })
})
