import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ServiceOrderModule from "../modules/service-order"

/**
 * Read-only link service order → Medusa order (by `order_id`):
 * `query.graph({ entity: "service_order", fields: ["order.display_id"] })`.
 */
export default defineLink(
  { linkable: ServiceOrderModule.linkable.serviceOrder, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
