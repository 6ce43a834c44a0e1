import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendDueRenewalReminders } from "../workflows/notification/subscription-emails"

/**
 * Every hour: reminds clients of subscription renewals coming within the
 * subscription module's `renewal_reminder_days` (PORTICO_RENEWAL_REMINDER_DAYS;
 * unset or 0: none), once per period (template
 * `subscription_renewal_upcoming`, key
 * `portico:subscription_renewal_upcoming:<id>:<period>`, and the event
 * `portico.subscription.renewal_upcoming`). Due subscriptions are selected by
 * time on Portico's clock, so a missed tick is caught up on the next;
 * overlapping runs (several instances, a restart) remind once.
 */
export default async function subscriptionRenewalRemindersJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { reminded } = await sendDueRenewalReminders(container)
    if (reminded.length) {
      logger.info(`Portico sent ${reminded.length} renewal reminder(s)`)
    }
  } catch (e) {
    logger.error(`Portico renewal reminders: ${(e as Error).message}`)
  }
}

export const config = {
  name: "portico-subscription-renewal-reminders",
  schedule: "0 * * * *",
}
