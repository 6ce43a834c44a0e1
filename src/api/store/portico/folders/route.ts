import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { FolderListParamsType } from "../../../admin/portico/folders/validators"

/**
 * `GET /store/portico/folders`: the visible folders, ordered by position,
 * paginated with `limit`/`offset`; `parent_id` filters one level (`null` for
 * the top level).
 */
export async function GET(
  req: MedusaRequest<unknown, FolderListParamsType>,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = { is_visible: true }
  if (req.validatedQuery.parent_id !== undefined) {
    filters.parent_id = req.validatedQuery.parent_id
  }
  const { data: folders, metadata } = await query.graph({
    entity: "service_folder",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    folders,
    count: metadata?.count ?? folders.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? folders.length,
  })
}
