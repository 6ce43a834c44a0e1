import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PORTICO_SUBSCRIPTION_MODULE } from "../modules/subscription"
import type SubscriptionModuleService from "../modules/subscription/service"
import { authorizeRenewalPaymentWorkflow } from "../workflows/subscription/workflows/subscription-payment"
import { renewSubscriptionWorkflow } from "../workflows/subscription/workflows/renew-subscription"

/**
 * A renewal paid in the portal whose client never came back to complete it:
 * Stripe's webhook makes Medusa capture the payment of the renewal's
 * collection (`payment.captured`), and this settles the renewal (the
 * period's order, the invoice paid), as `…/renewals/:id/complete` would.
 * Payments of carts and orders are not renewals and are left alone; a
 * renewal already settled changes nothing.
 */
export default async function renewalPaymentHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const [payment] = await payments.listPayments({ id: event.data.id }, { select: ["id", "payment_collection_id"] })
    if (!payment?.payment_collection_id) {
      return
    }
    const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const [renewal] = await subscriptions.listSubscriptionRenewals(
      { payment_collection_id: payment.payment_collection_id, status: ["pending", "retrying", "requires_action"] },
      { select: ["id", "subscription_id"] }
    )
    if (!renewal) {
      return
    }
    await authorizeRenewalPaymentWorkflow(container).run({
      input: { subscription_id: renewal.subscription_id, renewal_id: renewal.id, actor_type: "system" },
    })
    await renewSubscriptionWorkflow(container).run({ input: { subscription_id: renewal.subscription_id } })
  } catch (e) {
    logger.warn(`Portico: settling the renewal paid by payment ${event.data.id} failed: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "portico-renewal-payment" },
}
