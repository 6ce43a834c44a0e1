"use server"

import type { HttpTypes } from "@medusajs/types"
import { sdk } from "@lib/config"
import { authHeaders } from "@lib/cookies"

const ORDER_FIELDS = "*items,*items.variant,*shipping_address,*billing_address,*payment_collections,*region,+customer_id,+discount_subtotal"

/** An order by id (the confirmation page links to it); undefined if not found. */
export async function retrieveOrder(id: string): Promise<HttpTypes.StoreOrder | undefined> {
  try {
    const { order } = await sdk().store.order.retrieve(id, { fields: ORDER_FIELDS }, await authHeaders())
    return order
  } catch {
    return undefined
  }
}

/** The signed-in customer's orders, newest first. */
export async function listOrders(limit = 20, offset = 0) {
  const { orders, count } = await sdk().store.order.list(
    { limit, offset, order: "-created_at", fields: "*items" },
    await authHeaders()
  )
  return { orders, count }
}
