import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteFoldersWorkflow } from "../../../../../workflows/catalog/workflows/delete-folders"
import { updateFolderWorkflow } from "../../../../../workflows/catalog/workflows/update-folder"
import { withFieldErrors } from "../../../../utils/domain-errors"
import { retrieveFolder } from "../../../../shared/folders"
import { folderServices } from "../helpers"
import type { UpdateFolderBodyType } from "../validators"

/**
 * `GET /admin/portico/folders/:id`: one folder (by id or handle) with the
 * services directly in it, in order. Returns `{ folder }` with
 * `folder.services`. Unknown folder: 404.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const folder = await retrieveFolder(req.scope, req.params.id)
  res.json({ folder: { ...folder, services: await folderServices(req.scope, folder.id) } })
}

/**
 * `POST /admin/portico/folders/:id`: renames, hides/shows, moves (`parent_id`)
 * or repositions a folder. Returns `{ folder }`. Errors: 404 unknown folder or
 * parent; 400 `handle_taken`, `folder_cycle` with field detail.
 */
export const POST = withFieldErrors(
  async (req: AuthenticatedMedusaRequest<UpdateFolderBodyType>, res: MedusaResponse) => {
    await updateFolderWorkflow(req.scope).run({
      input: { ...req.validatedBody, id: req.params.id },
    })
    res.json({ folder: await retrieveFolder(req.scope, req.params.id) })
  }
)

/**
 * `DELETE /admin/portico/folders/:id`: deletes an empty folder. A folder that
 * still holds services or sub-folders is refused (400 `folder_not_empty`).
 * Returns `{ id, object: "service_folder", deleted: true }`.
 */
export const DELETE = withFieldErrors(
  async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    await deleteFoldersWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
    res.json({ id: req.params.id, object: "service_folder", deleted: true })
  }
)
