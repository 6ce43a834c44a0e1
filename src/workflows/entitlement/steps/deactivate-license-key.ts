import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import type { DeactivationResult } from "../../../modules/entitlement/service"
import { clock } from "../../../utils/clock"

export const deactivateLicenseKeyStepId = "portico-deactivate-license-key-step"

/** An instance to free: named by the key's text (the license API) or its id (the portal, after its ownership check). */
export type DeactivateLicenseKeyInput = { license_key?: string; key_id?: string; instance_id: string }

/**
 * Frees one activation slot of a key under its row lock. An instance already
 * deactivated answers `changed: false` (a repeated call is a success); an
 * instance of another key is refused. Not compensated: freeing a slot is what
 * the caller asked, and activating again is always possible.
 */
export const deactivateLicenseKeyStep = createStep(deactivateLicenseKeyStepId, async (input: DeactivateLicenseKeyInput, { container }) => {
  const result = await container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE).deactivateLicenseInstance({
    key: input.license_key,
    key_id: input.key_id,
    instance_id: input.instance_id,
    now: clock.now(),
  })
  return new StepResponse<DeactivationResult>(result)
})
