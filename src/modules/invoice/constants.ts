/** Container key of Portico's invoice module. */
export const PORTICO_INVOICE_MODULE = "porticoInvoice"

/** Invoice states: `abandoned` (a cart) → `open` (order placed) → `paid` | `void`. */
export const InvoiceStatus = {
  ABANDONED: "abandoned",
  OPEN: "open",
  PAID: "paid",
  VOID: "void",
} as const
export type InvoiceStatusType = (typeof InvoiceStatus)[keyof typeof InvoiceStatus]

/** Events Portico emits on invoice transitions; each payload is `{ id, cart_id, order_id, number }`. */
export const InvoiceEvents = {
  CREATED: "portico.invoice.created",
  OPENED: "portico.invoice.opened",
  PAID: "portico.invoice.paid",
  VOIDED: "portico.invoice.voided",
} as const
