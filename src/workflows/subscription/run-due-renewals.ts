import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../modules/subscription"
import type SubscriptionModuleService from "../../modules/subscription/service"
import { clock } from "../../utils/clock"
import { changeSubscriptionWorkflow } from "./workflows/change-subscription"
import { renewSubscriptionWorkflow } from "./workflows/renew-subscription"

/** What one pass over the due subscriptions did. */
export type DueRenewalsResult = {
  /** Subscriptions looked at. */
  seen: number
  paid: number
  unpaid: number
  /** Canceled at period end or ended (cycles used up). */
  closed: number
  resumed: number
  failed: { subscription_id: string; message: string }[]
}

/**
 * Renews every due subscription (the renewal job's work; tests and the bench
 * call it directly): pages through them by keyset (due time, id), oldest
 * first, `batch_size` at a time and `concurrency` at once, so it catches up
 * after downtime however many are due, and a subscription renewed during the
 * pass whose next period is due too comes round again in the same pass.
 * Paused subscriptions whose resume date has come are resumed. One failing
 * subscription is logged and never stops the others.
 */
export async function runDueRenewals(
  container: MedusaContainer,
  options: { batch_size?: number; concurrency?: number; max?: number } = {}
): Promise<DueRenewalsResult> {
  const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const batch = options.batch_size ?? 100
  const concurrency = Math.max(1, options.concurrency ?? 4)
  const result: DueRenewalsResult = { seen: 0, paid: 0, unpaid: 0, closed: 0, resumed: 0, failed: [] }
  let after: { at: Date; id: string } | null = null
  for (;;) {
    const page = await subscriptions.listDue(clock.now(), { limit: batch, after })
    if (!page.length) {
      break
    }
    after = { at: page[page.length - 1].at, id: page[page.length - 1].id }
    let next = 0
    const worker = async () => {
      while (next < page.length) {
        const due = page[next++]
        result.seen++
        try {
          if (due.status === "paused") {
            await changeSubscriptionWorkflow(container).run({
              input: { id: due.id, change: { type: "resume" }, actor_type: "system" },
            })
            result.resumed++
            continue
          }
          const { result: run } = await renewSubscriptionWorkflow(container).run({ input: { subscription_id: due.id } })
          if (run.outcome === "paid") {
            result.paid++
          } else if (run.skipped === "canceled" || run.skipped === "ended") {
            result.closed++
          } else if (run.outcome) {
            result.unpaid++
          }
        } catch (e) {
          const message = (e as Error).message
          result.failed.push({ subscription_id: due.id, message })
          logger.error(`Portico: renewing subscription ${due.id} failed: ${message}`)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, page.length) }, worker))
    if (options.max && result.seen >= options.max) {
      break
    }
  }
  return result
}
