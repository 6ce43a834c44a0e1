/** Container key of Portico's invoice module. */
export const PORTICO_INVOICE_MODULE = "porticoInvoice"

// The status words are part of Portico's contracts (shared with the admin and the storefront).
export { InvoiceStatus, type InvoiceStatusType } from "../../contracts/statuses"

/** Events Portico emits on invoice transitions; each payload is `{ id, cart_id, order_id, number }`. */
export const InvoiceEvents = {
  CREATED: "portico.invoice.created",
  OPENED: "portico.invoice.opened",
  PAID: "portico.invoice.paid",
  VOIDED: "portico.invoice.voided",
} as const
