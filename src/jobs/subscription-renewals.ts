import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runDueRenewals } from "../workflows/subscription/run-due-renewals"

/**
 * Every minute: renews every subscription whose period has ended (selected
 * by time, so a missed tick is caught up on the next), retries failed
 * renewals whose dunning retry is due and resumes paused subscriptions whose
 * resume date has come (`runDueRenewals`). With Medusa's Redis workflow
 * engine the job runs once per tick across instances; each subscription is
 * also renewed under its own lock, so overlapping runs charge once per period.
 */
export default async function subscriptionRenewalsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const result = await runDueRenewals(container)
    if (result.seen) {
      logger.info(
        `Portico renewals: ${result.paid} paid, ${result.unpaid} unpaid, ${result.closed} closed, ${result.resumed} resumed, ${result.failed.length} failed`
      )
    }
  } catch (e) {
    logger.error(`Portico renewals: ${(e as Error).message}`)
  }
}

export const config = {
  name: "portico-subscription-renewals",
  schedule: "* * * * *",
}
