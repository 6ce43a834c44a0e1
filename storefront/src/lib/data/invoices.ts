// Server-only functions (not server actions): nothing here is called from a
// browser, and the PDF answer is a stream for a route handler.
import "server-only"
import { portico } from "@lib/config"
import { authHeaders, orderHeaders } from "@lib/cookies"
import type { InvoiceDetail, Invoice as InvoiceSummary, IssuedInvoiceStatusType, StoreInvoiceDetail } from "medusa-plugin-portico/contracts"
import { isPorticoApiError } from "medusa-plugin-portico/client"

/** Portico's invoice of a cart or order (`/store/orders/:id/invoice`). */
export type Invoice = InvoiceDetail

/** An invoice in the portal's list (`GET /store/portico/invoices`). */
export type PortalInvoice = InvoiceSummary

/** An invoice of the portal with its lines and, for a bank transfer, how to pay it (`GET /store/portico/invoices/:number`). */
export type PortalInvoiceDetail = StoreInvoiceDetail

/** The statuses the portal lists (the backend never lists abandoned carts' invoices). */
export type PortalInvoiceStatus = IssuedInvoiceStatusType

/**
 * An order's invoice, brought up to date by the backend first (so right after
 * checkout it has its number); undefined when the order has none or is not
 * the signed-in client's (nor this browser's guest order). The order pages
 * work without it.
 */
export async function retrieveOrderInvoice(orderId: string): Promise<Invoice | undefined> {
  try {
    const { invoice } = await portico().store.orders.invoice(orderId, { headers: await orderHeaders(orderId), cache: "no-store" })
    return invoice
  } catch {
    return undefined
  }
}

/** A page of the signed-in client's invoices, newest first ([] for a visitor). */
export async function listInvoices({
  status,
  limit = 20,
  offset = 0,
}: { status?: PortalInvoiceStatus; limit?: number; offset?: number } = {}): Promise<{ invoices: PortalInvoice[]; count: number }> {
  const headers = await authHeaders()
  if (!headers.authorization) {
    return { invoices: [], count: 0 }
  }
  const { invoices, count } = await portico().store.invoices.list({ limit, offset, ...(status ? { status } : {}) }, { headers, cache: "no-store" })
  return { invoices, count }
}

/**
 * One of the signed-in client's invoices by its number; undefined when it is
 * not theirs or does not exist. Any other failure (backend unreachable) is
 * thrown, so the page says "try again" rather than "not found".
 */
export async function retrieveInvoice(number: string): Promise<PortalInvoiceDetail | undefined> {
  try {
    const { invoice } = await portico().store.invoices.retrieve(number, { headers: await authHeaders(), cache: "no-store" })
    return invoice
  } catch (e) {
    if (isPorticoApiError(e) && (e.status === 404 || e.status === 401)) {
      return undefined
    }
    throw e
  }
}

/**
 * The signed-in client's invoice as a PDF, the backend's raw answer (the
 * portal's download route streams it); a refusal as an empty answer with its
 * status (404: not theirs).
 */
export async function fetchInvoicePdf(number: string): Promise<Response> {
  try {
    return await portico().store.invoices.pdf(number, { headers: await authHeaders(), cache: "no-store" })
  } catch (e) {
    if (isPorticoApiError(e)) {
      return new Response(null, { status: e.status })
    }
    throw e
  }
}
