import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { CreditEvents } from "../workflows/credit/constants"
import { refreshCartCreditSoon } from "../workflows/credit/refresh-cart-credit-soon"

/** Open carts of one client brought up to date per balance change (the most recently changed first). */
const OPEN_CARTS = 20

/**
 * After a balance change (a grant, a deduction, a refund to credit, a debit
 * at checkout), recomputes the account credit of the client's open carts in
 * that currency, so a cart never shows credit the client no longer has, nor
 * misses credit just granted. Like cart changes, in the background
 * (`refreshCartCreditSoon`: a burst is handled once, and the refresh gives
 * way to the client's requests); decided under each cart's lock, since the
 * balance is not guarded by it (a refresh in flight may have planned with the
 * old balance). Reads never do this; the checkout checks again.
 */
export default async function creditBalanceHandler({
  event,
  container,
}: SubscriberArgs<{ customer_id?: string | null; currency_code?: string | null }>) {
  const { customer_id: customerId, currency_code: currency } = event.data
  if (!customerId) {
    return
  }
  const carts = await container.resolve(Modules.CART).listCarts(
    { customer_id: customerId, completed_at: { $eq: null }, ...(currency ? { currency_code: currency } : {}) },
    { select: ["id"], take: OPEN_CARTS, order: { updated_at: "DESC" } }
  )
  for (const cart of carts) {
    refreshCartCreditSoon(container, cart.id, { locked_decision: true })
  }
}

export const config: SubscriberConfig = {
  event: [CreditEvents.GRANTED, CreditEvents.DEDUCTED, CreditEvents.REFUNDED, CreditEvents.DEBITED],
  context: { subscriberId: "portico-credit-balance" },
}
