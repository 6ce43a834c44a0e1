import { Module } from "@medusajs/framework/utils"
import { PORTICO_INVOICE_MODULE } from "./constants"
import InvoiceModuleService from "./service"

export { PORTICO_INVOICE_MODULE }
export * from "./constants"

export default Module(PORTICO_INVOICE_MODULE, {
  service: InvoiceModuleService,
})

export { InvoiceModuleService }
export type { InvoiceModuleOptions, InvoiceSeller } from "./service"
export { renderInvoicePdf, type InvoicePdfData } from "./pdf"
