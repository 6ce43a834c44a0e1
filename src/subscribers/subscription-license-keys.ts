import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SubscriptionEvents } from "../modules/subscription/constants"
import type { SubscriptionStatusChangedEvent } from "../workflows/notification/subscription-emails"
import { expireLicenseKeysWorkflow } from "../workflows/entitlement/workflows/expire-license-keys"

/**
 * Expires the license keys that expire with their subscription when it
 * becomes `canceled` or `ended` (`portico.license_key.expired`, reason
 * `subscription_ended`). A problem is logged, never thrown.
 */
export default async function subscriptionLicenseKeysHandler({ event, container }: SubscriberArgs<SubscriptionStatusChangedEvent>) {
  if (event.data.to !== "canceled" && event.data.to !== "ended") {
    return
  }
  try {
    await expireLicenseKeysWorkflow(container).run({ input: { subscription_ids: [event.data.id] } })
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Portico could not expire the license keys of subscription ${event.data.id}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: SubscriptionEvents.STATUS_CHANGED,
  context: { subscriberId: "portico-subscription-license-keys" },
}
