import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PORTICO_CATALOG_MODULE } from "../modules/catalog"
import type CatalogModuleService from "../modules/catalog/service"

/**
 * Deletes the Portico settings of a deleted service, so its folder does not
 * keep counting it (and can be deleted once it looks empty). Repeats are
 * harmless.
 */
export default async function productDeletedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
  const settings = await catalog.listServiceSettings({ product_id: event.data.id }, { select: ["id"] })
  if (settings.length) {
    await catalog.deleteServiceSettings(settings.map((s) => s.id))
  }
}

export const config: SubscriberConfig = {
  event: "product.deleted",
  context: { subscriberId: "portico-product-deleted" },
}
