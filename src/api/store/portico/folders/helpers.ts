import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PORTICO_CATALOG_MODULE } from "../../../../modules/catalog"
import type CatalogModuleService from "../../../../modules/catalog/service"

type StoreRequest = MedusaRequest & {
  publishable_key_context?: { sales_channel_ids?: string[] }
}

/**
 * The services in folders a client may see, in folder order: published
 * products in the publishable key's sales channels (`folderId` narrows it to
 * one folder).
 */
export async function storeServiceIds(req: MedusaRequest, folderId?: string) {
  const catalog = req.scope.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const settings = (await catalog.listServiceSettings(
    folderId ? { folder_id: folderId } : { folder_id: { $ne: null } },
    { order: { position: "ASC" }, select: ["product_id", "folder_id", "position"] }
  )) as { product_id: string; folder_id: string; position: number }[]
  if (!settings.length) {
    return []
  }
  const productIds = settings.map((s) => s.product_id)
  const { data: published } = await query.graph({
    entity: "product",
    fields: ["id"],
    filters: { id: productIds, status: "published" },
  })
  let allowed = new Set(published.map((p) => p.id))
  const channels = (req as StoreRequest).publishable_key_context?.sales_channel_ids
  if (channels?.length) {
    const { data: links } = await query.graph({
      entity: "product_sales_channel",
      fields: ["product_id"],
      filters: { product_id: [...allowed], sales_channel_id: channels },
    })
    allowed = new Set(links.map((l: { product_id: string }) => l.product_id))
  }
  return settings.filter((s) => allowed.has(s.product_id))
}
