import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SubscriptionEvents } from "../modules/subscription/constants"
import {
  sendSubscriptionPaymentActionEmail,
  type SubscriptionPaymentActionEvent,
} from "../workflows/notification/subscription-emails"

/**
 * Emails the client when a renewal waits for them (template
 * `subscription_payment_failed`): 3-D Secure → confirm the payment in the
 * portal, no saved card → pay the invoice in the portal, bank transfer →
 * the bank details with the invoice number as the reference. Once per
 * renewal, attempt and reason (key
 * `portico:subscription_payment_failed:<renewal_id>:<attempts>:<reason>`).
 * A problem is logged, never thrown.
 */
export default async function subscriptionPaymentActionEmailHandler({
  event,
  container,
}: SubscriberArgs<SubscriptionPaymentActionEvent>) {
  try {
    await sendSubscriptionPaymentActionEmail(container, event.data)
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Portico could not email the unpaid renewal of subscription ${event.data.id}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: SubscriptionEvents.PAYMENT_REQUIRES_ACTION,
  context: { subscriberId: "portico-subscription-payment-action-email" },
}
