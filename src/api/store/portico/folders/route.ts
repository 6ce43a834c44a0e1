import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listFolders } from "../../../admin/portico/folders/helpers"
import type { FolderListParamsType } from "../../../admin/portico/folders/validators"

/**
 * `GET /store/portico/folders`: the visible folders, ordered by position,
 * paginated with `limit`/`offset`; `parent_id` filters one level (`null` for
 * the top level). Returns `{ folders, count, offset, limit }`.
 */
export async function GET(
  req: MedusaRequest<unknown, FolderListParamsType>,
  res: MedusaResponse
) {
  res.json(await listFolders(req, { is_visible: true }))
}
