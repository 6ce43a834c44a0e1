import { invoiceFields } from "../../../shared/invoices"

/** `GET /admin/portico/invoices`: a page of invoices (no lines). */
export const listInvoiceQueryConfig = {
  defaults: invoiceFields,
  allowed: invoiceFields,
  defaultLimit: 20,
  isList: true,
}
