import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import InvoiceModule from "../modules/invoice"

/** Read-only link invoice → order (by `order_id`), for the admin invoice pages. */
export default defineLink(
  { linkable: InvoiceModule.linkable.invoice, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
