import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { FolderListParamsType } from "./validators"

/**
 * One page of folders for the admin and store list routes: `baseFilters`
 * (e.g. only visible ones) plus the request's `parent_id`, with the fields,
 * order and pagination of `req.queryConfig`.
 */
export async function listFolders(
  req: MedusaRequest<unknown, FolderListParamsType>,
  baseFilters: Record<string, unknown> = {}
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = { ...baseFilters }
  if (req.validatedQuery.parent_id !== undefined) {
    filters.parent_id = req.validatedQuery.parent_id
  }
  const { data: folders, metadata } = await query.graph({
    entity: "service_folder",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  return {
    folders,
    count: metadata?.count ?? folders.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? folders.length,
  }
}
