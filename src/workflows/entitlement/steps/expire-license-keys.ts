import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import { clock } from "../../../utils/clock"

export const expireLicenseKeysStepId = "portico-expire-license-keys-step"

/**
 * Writes `expired` on the keys past their expiry and, with
 * `subscription_ids`, on the keys that expire with those (ended or canceled)
 * subscriptions. Idempotent. Not compensated: expiry follows from the clock
 * and the subscription, both already final.
 */
export const expireLicenseKeysStep = createStep(expireLicenseKeysStepId, async (input: { subscription_ids?: string[] }, { container }) => {
  const expired = await container
    .resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
    .expireLicenseKeys({ now: clock.now(), subscription_ids: input.subscription_ids })
  return new StepResponse(expired)
})
