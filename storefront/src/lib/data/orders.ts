"use server"

import type { HttpTypes } from "@medusajs/types"
import { sdk } from "@lib/config"
import { authHeaders } from "@lib/cookies"
import type { WithCreditLines } from "@lib/util/credit"

// The credit lines hold the account credit the order used; `total` is what was left to pay.
const ORDER_FIELDS =
  "*items,*items.variant,*shipping_address,*billing_address,*payment_collections,*region,+customer_id,+discount_subtotal,+credit_line_total,*credit_lines"

/** An order by id (the confirmation page links to it); undefined if not found. */
export async function retrieveOrder(id: string): Promise<(HttpTypes.StoreOrder & WithCreditLines) | undefined> {
  try {
    const { order } = await sdk().store.order.retrieve(id, { fields: ORDER_FIELDS }, await authHeaders())
    return order as HttpTypes.StoreOrder & WithCreditLines
  } catch {
    return undefined
  }
}

/** The signed-in customer's orders, newest first, with the credit each used. */
export async function listOrders(limit = 20, offset = 0) {
  const { orders, count } = await sdk().store.order.list(
    { limit, offset, order: "-created_at", fields: "*items,+credit_line_total,+status,+payment_status" },
    await authHeaders()
  )
  return { orders: orders as (HttpTypes.StoreOrder & WithCreditLines)[], count }
}
