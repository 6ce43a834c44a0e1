import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import InvoiceModule from "../modules/invoice"

/**
 * Read-only link order → Portico invoice (by the invoice's `order_id`):
 * `fields=+invoice.number` on order routes shows the invoice number.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...InvoiceModule.linkable.invoice.id, primaryKey: "order_id" },
  { readOnly: true }
)
