import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import type { ActivationResult } from "../../../modules/entitlement/service"
import { clock } from "../../../utils/clock"

export const activateLicenseKeyStepId = "portico-activate-license-key-step"

/** What the software sent to `POST /license/activate`. */
export type ActivateLicenseKeyInput = { license_key: string; instance_name: string; fingerprint?: string | null; product_id?: string | null }

/**
 * Activates a key for one installation under the key's row lock (see
 * `EntitlementModuleService.activateLicenseKey`): the limit holds however many
 * activations run at once. A refusal is an answer, not an error (the API
 * answers it with its code). Compensation frees the instance this run created.
 */
export const activateLicenseKeyStep = createStep(
  activateLicenseKeyStepId,
  async (input: ActivateLicenseKeyInput, { container }) => {
    const result = await container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE).activateLicenseKey({
      key: input.license_key,
      name: input.instance_name,
      fingerprint: input.fingerprint,
      product_id: input.product_id,
      now: clock.now(),
    })
    const undo = result.ok && result.created ? { key_id: result.key.id, instance_id: result.instance.id } : null
    return new StepResponse<ActivationResult, typeof undo>(result, undo)
  },
  async (undo, { container }) => {
    if (undo) {
      await container
        .resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
        .deactivateLicenseInstance({ key_id: undo.key_id, instance_id: undo.instance_id, now: clock.now() })
    }
  }
)
