import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendDueIntakeReminders } from "../workflows/notification/service-order-emails"

/**
 * Every hour: reminds clients of service orders still waiting for their
 * intake form (template `intake_reminder`), once per
 * `PORTICO_INTAKE_REMINDER_HOURS` (default 24) they have been pending, at most
 * 3 times. Idempotency keys `portico:intake_reminder:<service_order_id>:<n>`
 * make overlapping runs (several instances, a restart) send each reminder once.
 */
export default async function intakeRemindersJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const results = await sendDueIntakeReminders(container)
    const sent = results.filter((r) => r.status === "sent").length
    if (sent) {
      logger.info(`Portico sent ${sent} intake reminder(s)`)
    }
  } catch (e) {
    logger.error(`Portico intake reminders: ${(e as Error).message}`)
  }
}

export const config = {
  name: "portico-intake-reminders",
  schedule: "0 * * * *",
}
