import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SubscriptionEvents } from "../modules/subscription/constants"
import {
  sendSubscriptionPaymentFailedEmail,
  type SubscriptionPaymentFailedEvent,
} from "../workflows/notification/subscription-emails"

/**
 * Emails the client when a renewal charge is declined (template
 * `subscription_payment_failed`): the reason in plain words, the amount, the
 * next retry date or that there will be no more, and what to do in the
 * portal. Once per attempt (key
 * `portico:subscription_payment_failed:<renewal_id>:<attempt>`), so a
 * redelivered event sends nothing more. Off the renewal's path: a problem is
 * logged, never thrown.
 */
export default async function subscriptionPaymentFailedEmailHandler({
  event,
  container,
}: SubscriberArgs<SubscriptionPaymentFailedEvent>) {
  try {
    await sendSubscriptionPaymentFailedEmail(container, event.data)
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Portico could not email the failed payment of subscription ${event.data.id}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: SubscriptionEvents.PAYMENT_FAILED,
  context: { subscriberId: "portico-subscription-payment-failed-email" },
}
