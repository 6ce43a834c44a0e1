import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PORTICO_CATALOG_MODULE } from "../../../../modules/catalog"
import type CatalogModuleService from "../../../../modules/catalog/service"

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
