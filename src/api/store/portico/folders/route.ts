import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listFolders } from "../../../admin/portico/folders/helpers"
import type { FolderListParamsType } from "../../../admin/portico/folders/validators"

/**
 * `GET /store/portico/folders`: the visible folders (a folder under a hidden
 * one is hidden too), ordered by position,
 * paginated with `limit`/`offset`; `parent_id` filters one level (`null` for
 * the top level; a hidden `parent_id` is a 404). Returns `{ folders, count, offset, limit }`.
 */
export async function GET(
  req: MedusaRequest<unknown, FolderListParamsType>,
  res: MedusaResponse
) {
  res.json(await listFolders(req, { visibleOnly: true }))
}
