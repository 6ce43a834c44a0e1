import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { type FolderListParamsType, listFolders } from "../../../shared/folders"

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
