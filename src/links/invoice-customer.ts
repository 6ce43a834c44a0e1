import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import InvoiceModule from "../modules/invoice"

/** Read-only link invoice → customer (by `customer_id`), for the admin invoice pages. */
export default defineLink(
  { linkable: InvoiceModule.linkable.invoice, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
