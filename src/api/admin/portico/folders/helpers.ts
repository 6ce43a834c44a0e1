import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PORTICO_CATALOG_MODULE } from "../../../../modules/catalog"
import type CatalogModuleService from "../../../../modules/catalog/service"
import { folderFields } from "./query-config"
import type { FolderListParamsType } from "./validators"
import { PorticoError, PorticoErrorCode } from "../../../../utils/errors"

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

/** The services (product id, title, handle, status, position) directly in a folder, in order. */
export async function folderServices(scope: MedusaContainer, folderId: string) {
  const catalog = scope.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const settings = await catalog.listServiceSettings(
    { folder_id: folderId },
    { order: { position: "ASC" }, select: ["id", "product_id", "position"] }
  )
  if (!settings.length) {
    return []
  }
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "title", "handle", "status", "thumbnail"],
    filters: { id: settings.map((s) => s.product_id) },
  })
  const byId = new Map(products.map((p) => [p.id, p]))
  return settings
    .filter((s) => byId.has(s.product_id))
    .map((s) => ({ ...byId.get(s.product_id)!, position: s.position }))
}
