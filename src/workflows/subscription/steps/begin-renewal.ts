import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { RenewalStart } from "../../../modules/subscription/service"
import { clock } from "../../../utils/clock"

export const beginRenewalStepId = "portico-begin-renewal-step"

/**
 * Finds or writes the renewal row a subscription's due period is paid from
 * (see `SubscriptionModuleService.beginRenewal`): written before anything
 * else happens, unique per subscription and period, so every later step
 * resumes from its state. A subscription set to cancel at the period end is
 * canceled here instead, and one whose cycles are used up ends. No
 * compensation: the row is the record that the period is being renewed.
 */
export const beginRenewalStep = createStep(beginRenewalStepId, async (input: { subscription_id: string }, { container }) => {
  const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
  const start: RenewalStart = await subscriptions.beginRenewal(input.subscription_id, clock.now())
  return new StepResponse(start)
})
