import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { EntitlementEvents } from "../../../modules/entitlement/constants"
import { deactivateLicenseKeyStep, type DeactivateLicenseKeyInput } from "../steps/deactivate-license-key"

export const deactivateLicenseKeyWorkflowId = "portico-deactivate-license-key"

/**
 * Frees one activation of a license key (the license API's `deactivate`, or
 * the client in the portal). Emits `portico.license_key.deactivated` when an
 * active instance was freed.
 *
 * @example
 * await deactivateLicenseKeyWorkflow(container).run({ input: { license_key, instance_id } })
 */
export const deactivateLicenseKeyWorkflow = createWorkflow(deactivateLicenseKeyWorkflowId, (input: DeactivateLicenseKeyInput) => {
  const result = deactivateLicenseKeyStep(input)
  emitEventStep({
    eventName: EntitlementEvents.LICENSE_KEY_DEACTIVATED,
    data: transform({ result }, ({ result }) => (result.ok && result.changed ? [{ id: result.key.id, instance_id: result.instance_id }] : [])),
  })
  return new WorkflowResponse(result)
})
