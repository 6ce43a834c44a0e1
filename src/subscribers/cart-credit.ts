import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshCartCreditSoon } from "../workflows/credit/refresh-cart-credit-soon"

/**
 * Recomputes a cart's account credit after the changes Medusa announces
 * (items, quantities, region, customer, transfer to another customer), so the
 * credit follows the cart even when it changes outside the store API. A burst
 * of changes to one cart is handled once, `PORTICO_CART_CREDIT_DELAY_MS`
 * (200 ms) after the last, off the client's request path, and the refresh
 * gives way to the client's requests for the cart's lock
 * (`refreshCartCreditSoon`). Nothing is written when the credit is already
 * right. Balance changes are followed by `credit-balance.ts`; starting a
 * payment and the checkout recompute it once more. Reads never write.
 */
export default async function cartCreditHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  refreshCartCreditSoon(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: ["cart.created", "cart.updated", "cart.customer_transferred"],
  context: { subscriberId: "portico-cart-credit" },
}
