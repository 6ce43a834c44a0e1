import { defineLink } from "@medusajs/framework/utils"
import InvoiceModule from "../modules/invoice"
import ServiceOrderModule from "../modules/service-order"

/** Read-only link service order → the invoice that paid for it (by `invoice_id`). */
export default defineLink(
  { linkable: ServiceOrderModule.linkable.serviceOrder, field: "invoice_id" },
  InvoiceModule.linkable.invoice,
  { readOnly: true }
)
