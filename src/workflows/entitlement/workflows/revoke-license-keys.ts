import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { EntitlementEvents } from "../../../modules/entitlement/constants"
import { revokeLicenseKeysStep, type RevokeLicenseKeysInput } from "../steps/revoke-license-keys"

export const revokeLicenseKeysWorkflowId = "portico-revoke-license-keys"

/**
 * Disables the license keys of a purchase that was refunded in full or
 * canceled (run by Portico's subscribers on `order.canceled`, a full refund
 * and a canceled service order). Emits `portico.license_key.disabled` with
 * the reason for each key it disabled.
 *
 * @example
 * await revokeLicenseKeysWorkflow(container).run({ input: { order_id, reason: "refunded" } })
 */
export const revokeLicenseKeysWorkflow = createWorkflow(revokeLicenseKeysWorkflowId, (input: RevokeLicenseKeysInput) => {
  const disabled = revokeLicenseKeysStep(input)
  emitEventStep({ eventName: EntitlementEvents.LICENSE_KEY_DISABLED, data: disabled })
  return new WorkflowResponse(disabled)
})
