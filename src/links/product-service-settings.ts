import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import CatalogModule from "../modules/catalog"

/**
 * Read-only link product → Portico service settings (stored by `product_id` on
 * the settings row, so there is no link table): `query.graph({ entity:
 * "product", fields: ["service_settings.*"] })`, and `fields=+service_settings.*`
 * on the store and admin product routes.
 */
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { ...CatalogModule.linkable.serviceSettings.id, primaryKey: "product_id" },
  { readOnly: true }
)
