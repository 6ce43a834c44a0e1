import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { planCartCredit } from "../workflows/credit/cart-credit"
import { refreshCartCreditWorkflow } from "../workflows/credit/workflows/refresh-cart-credit"

/**
 * Recomputes a cart's account credit after every change Medusa announces
 * (items, quantities, region, customer, transfer to another customer), so the
 * credit follows the cart even when it changes outside the store API. Balance
 * changes are followed by `credit-balance.ts`; starting a payment and the
 * checkout recompute it once more. Reads never write.
 */
export default async function cartCreditHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    if ((await planCartCredit(container, event.data.id)).changed) {
      await refreshCartCreditWorkflow(container).run({ input: { cart_id: event.data.id } })
    }
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Portico: refreshing the account credit of cart ${event.data.id} failed: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: ["cart.created", "cart.updated", "cart.customer_transferred"],
  context: { subscriberId: "portico-cart-credit" },
}
