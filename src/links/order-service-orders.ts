import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ServiceOrderModule from "../modules/service-order"

/**
 * Read-only link order → its service orders (by the service order's
 * `order_id`): `query.graph({ entity: "order", fields: ["service_orders.*"] })`.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...ServiceOrderModule.linkable.serviceOrder.id, primaryKey: "order_id" },
  { readOnly: true, isList: true }
)
