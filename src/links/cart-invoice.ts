import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import InvoiceModule from "../modules/invoice"

/**
 * Read-only link cart → Portico invoice (by the invoice's `cart_id`):
 * `query.graph({ entity: "cart", fields: ["invoice.*"] })`.
 */
export default defineLink(
  { linkable: CartModule.linkable.cart, field: "id" },
  { ...InvoiceModule.linkable.invoice.id, primaryKey: "cart_id" },
  { readOnly: true }
)
