import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import InvoiceModule from "../modules/invoice"

/** Read-only link invoice → cart (by `cart_id`), the inverse of cart → invoice. */
export default defineLink(
  { linkable: InvoiceModule.linkable.invoice, field: "cart_id" },
  CartModule.linkable.cart,
  { readOnly: true }
)
