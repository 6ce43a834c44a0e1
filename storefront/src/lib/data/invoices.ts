"use server"

import { portico } from "@lib/config"
import { authHeaders } from "@lib/cookies"
import type { InvoiceDetail } from "medusa-plugin-portico/contracts"

/** Portico's invoice of a cart or order (`/store/orders/:id/invoice`). */
export type Invoice = InvoiceDetail

/**
 * An order's invoice, brought up to date by the backend first (so right after
 * checkout it has its number); undefined when the order has none or is not
 * the signed-in client's. The order pages work without it.
 */
export async function retrieveOrderInvoice(orderId: string): Promise<Invoice | undefined> {
  try {
    const { invoice } = await portico().store.orders.invoice(orderId, { headers: await authHeaders(), cache: "no-store" })
    return invoice
  } catch {
    return undefined
  }
}
