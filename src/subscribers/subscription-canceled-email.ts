import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SubscriptionEvents } from "../modules/subscription/constants"
import {
  sendSubscriptionCanceledEmail,
  type SubscriptionStatusChangedEvent,
} from "../workflows/notification/subscription-emails"

/**
 * Emails the client when their subscription becomes `canceled` (template
 * `subscription_canceled`: when, and by whom in words), whoever canceled it:
 * the client, the merchant, the end of the period as asked, or dunning.
 * Once per cancel (key `portico:subscription_canceled:<id>:<history_id>`).
 * Other status changes send nothing. A problem is logged, never thrown.
 */
export default async function subscriptionCanceledEmailHandler({
  event,
  container,
}: SubscriberArgs<SubscriptionStatusChangedEvent>) {
  if (event.data.to !== "canceled") {
    return
  }
  try {
    await sendSubscriptionCanceledEmail(container, event.data)
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Portico could not email the cancel of subscription ${event.data.id}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: SubscriptionEvents.STATUS_CHANGED,
  context: { subscriberId: "portico-subscription-canceled-email" },
}
