import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { planCartCredit } from "../workflows/credit/cart-credit"
import { CreditEvents } from "../workflows/credit/constants"
import { refreshCartCreditWorkflow } from "../workflows/credit/workflows/refresh-cart-credit"

/** Open carts of one client brought up to date per balance change (the most recently changed first). */
const OPEN_CARTS = 20

/**
 * After a balance change (a grant, a deduction, a refund to credit, a debit
 * at checkout), recomputes the account credit of the client's open carts in
 * that currency, so a cart never shows credit the client no longer has, nor
 * misses credit just granted. Reads never do this; the checkout checks again.
 */
export default async function creditBalanceHandler({
  event,
  container,
}: SubscriberArgs<{ customer_id?: string | null; currency_code?: string | null }>) {
  const { customer_id: customerId, currency_code: currency } = event.data
  if (!customerId) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const carts = await container.resolve(Modules.CART).listCarts(
    { customer_id: customerId, completed_at: { $eq: null }, ...(currency ? { currency_code: currency } : {}) },
    { select: ["id"], take: OPEN_CARTS, order: { updated_at: "DESC" } }
  )
  for (const cart of carts) {
    try {
      if ((await planCartCredit(container, cart.id)).changed) {
        await refreshCartCreditWorkflow(container).run({ input: { cart_id: cart.id } })
      }
    } catch (e) {
      logger.warn(`Portico: refreshing the account credit of cart ${cart.id} failed: ${(e as Error).message}`)
    }
  }
}

export const config: SubscriberConfig = {
  event: [CreditEvents.GRANTED, CreditEvents.DEDUCTED, CreditEvents.REFUNDED, CreditEvents.DEBITED],
  context: { subscriberId: "portico-credit-balance" },
}
