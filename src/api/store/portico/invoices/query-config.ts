import { invoiceFields } from "../../../shared/invoices"

/** `GET /store/portico/invoices`: a page of the client's invoices (no lines). */
export const storeInvoiceListQueryConfig = {
  defaults: invoiceFields,
  allowed: invoiceFields,
  defaultLimit: 20,
  isList: true,
}

/** The portal's order of invoices: newest first (the latest issued on top). */
export const storeInvoiceOrder = { opened_at: "DESC", created_at: "DESC", id: "DESC" }
