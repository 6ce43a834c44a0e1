import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { PORTICO_CATALOG_MODULE } from "../../modules/catalog"
import type CatalogModuleService from "../../modules/catalog/service"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import { listParams, QueryId } from "../utils/validate-query"

/** Fields a folder is returned with, on both the admin and store APIs. */
export const folderFields = [
  "id",
  "name",
  "handle",
  "description",
  "parent_id",
  "position",
  "is_visible",
  "created_at",
  "updated_at",
]

/** Query of `GET /admin/portico/folders` and `GET /store/portico/folders`. */
export const FolderListParams = listParams({ limit: 50, order: "position", orders: ["position", "name", "created_at"] }).extend({
  /** One level: a folder id, or `null` for the top level. */
  parent_id: z
    .union([z.literal("null").transform(() => null), QueryId])
    .optional(),
  handle: z.string().max(100).optional(),
})
export type FolderListParamsType = z.infer<typeof FolderListParams>

/**
 * One page of folders for the admin and store list routes: the request's
 * `parent_id` and `handle`, with the fields, order and pagination of
 * `req.queryConfig`. `visibleOnly` (the store) lists only folders whose
 * whole chain of parents is visible, and answers 404 for a `parent_id` the
 * client may not see.
 */
export async function listFolders(
  req: MedusaRequest<unknown, FolderListParamsType>,
  { visibleOnly = false } = {}
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = {}
  const parentId = req.validatedQuery.parent_id
  if (visibleOnly) {
    const visible = await req.scope.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE).visibleFolderIds()
    if (parentId && !visible.has(parentId)) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Folder ${parentId} was not found.`)
    }
    filters.id = [...visible]
  }
  if (parentId !== undefined) {
    filters.parent_id = parentId
  }
  if (req.validatedQuery.handle !== undefined) {
    filters.handle = req.validatedQuery.handle
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

/**
 * A folder by id or handle, or a 404. `visibleOnly` also 404s hidden folders
 * and folders under a hidden one (the store never reveals them).
 */
export async function retrieveFolder(
  scope: MedusaContainer,
  idOrHandle: string,
  { visibleOnly = false } = {}
) {
  const catalog = scope.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
  const [folder] = await catalog.listServiceFolders(
    idOrHandle.startsWith("sfold_") ? { id: idOrHandle } : { handle: idOrHandle },
    { take: 1, select: folderFields }
  )
  let hidden = !folder
  if (folder && visibleOnly) {
    let cursor: { is_visible: boolean; parent_id: string | null } | undefined = folder
    while (cursor && !hidden) {
      hidden = !cursor.is_visible
      cursor = cursor.parent_id
        ? (await catalog.listServiceFolders({ id: cursor.parent_id }, { take: 1 }))[0]
        : undefined
    }
  }
  if (!folder || hidden) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Folder ${idOrHandle} was not found.`)
  }
  return folder
}
