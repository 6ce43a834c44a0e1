import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import InvoiceModule from "../modules/invoice"

/**
 * Read-only link order → Portico invoice (by the invoice's `order_id`):
 * `query.graph({ entity: "order", fields: ["invoice.number"] })`.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...InvoiceModule.linkable.invoice.id, primaryKey: "order_id" },
  { readOnly: true }
)
