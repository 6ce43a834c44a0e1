"use server"

import { sdk } from "@lib/config"
import { authHeaders } from "@lib/cookies"

/** Portico's invoice of a cart or order (`/store/orders/:id/invoice`). */
export type Invoice = {
  id: string
  /** Sequential number (`INV-000123`), given when the cart becomes an order. */
  number: string | null
  status: "abandoned" | "open" | "paid" | "void"
  currency_code: string
  subtotal: number
  discount_total: number
  tax_total: number
  /** Account credit used to pay it. */
  credit_total: number
  /** Refunded to the client's account credit after the order. */
  credit_refund_total: number
  /** What was left to pay after credit. */
  total: number
}

/**
 * An order's invoice, brought up to date by the backend first (so right after
 * checkout it has its number); undefined when the order has none or is not
 * the signed-in client's. The order pages work without it.
 */
export async function retrieveOrderInvoice(orderId: string): Promise<Invoice | undefined> {
  try {
    const { invoice } = await sdk().client.fetch<{ invoice: Invoice }>(
      `/store/orders/${encodeURIComponent(orderId)}/invoice`,
      { headers: await authHeaders(), cache: "no-store" }
    )
    return invoice
  } catch {
    return undefined
  }
}
