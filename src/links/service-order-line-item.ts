import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ServiceOrderModule from "../modules/service-order"

/**
 * Read-only link service order → the order line item it was bought as (by
 * `line_item_id`): `fields: ["order_line_item.*"]`.
 */
export default defineLink(
  { linkable: ServiceOrderModule.linkable.serviceOrder, field: "line_item_id" },
  OrderModule.linkable.orderLineItem,
  { readOnly: true }
)
