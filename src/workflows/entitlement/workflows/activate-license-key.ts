import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { EntitlementEvents } from "../../../modules/entitlement/constants"
import { activateLicenseKeyStep, type ActivateLicenseKeyInput } from "../steps/activate-license-key"

export const activateLicenseKeyWorkflowId = "portico-activate-license-key"

/**
 * Activates a license key for one installation of the merchant's software
 * (the license API's `activate`): refused for an unknown, disabled or expired
 * key, a key of another product than `product_id` (no slot used) or a key
 * whose slots are all taken; the same fingerprint (default: the instance
 * name) returns the instance it already has. Emits
 * `portico.license_key.activated` for a new instance.
 *
 * @example
 * const { result } = await activateLicenseKeyWorkflow(container).run({
 *   input: { license_key: "7M2Q4K9D-…", instance_name: "Studio laptop" },
 * })
 */
export const activateLicenseKeyWorkflow = createWorkflow(activateLicenseKeyWorkflowId, (input: ActivateLicenseKeyInput) => {
  const result = activateLicenseKeyStep(input)
  emitEventStep({
    eventName: EntitlementEvents.LICENSE_KEY_ACTIVATED,
    data: transform({ result }, ({ result }) =>
      result.ok && result.created ? [{ id: result.key.id, instance_id: result.instance.id, instance_name: result.instance.name }] : []
    ),
  })
  return new WorkflowResponse(result)
})
