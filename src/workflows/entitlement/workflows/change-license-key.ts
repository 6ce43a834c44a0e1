import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AdminLicenseKeyChangeBody } from "../../../contracts/http"
import { EntitlementEvents } from "../../../modules/entitlement/constants"
import { changeLicenseKeyStep } from "../steps/change-license-key"

export const changeLicenseKeyWorkflowId = "portico-change-license-key"

/**
 * The merchant changes a license key: disable, enable, reset its activations
 * or change its activation limit (see `changeLicenseKeyStep`). Emits
 * `portico.license_key.disabled` (`reason: "merchant"`), `.enabled` and
 * `.deactivated` (one per freed instance) for what actually changed.
 *
 * @example
 * await changeLicenseKeyWorkflow(container).run({ input: { id, change: { type: "reset_activations" } } })
 */
export const changeLicenseKeyWorkflow = createWorkflow(
  changeLicenseKeyWorkflowId,
  (input: { id: string; change: AdminLicenseKeyChangeBody }) => {
    const change = changeLicenseKeyStep(input)
    emitEventStep({
      eventName: EntitlementEvents.LICENSE_KEY_DISABLED,
      data: transform({ change }, ({ change }) => (change.disabled ? [{ id: change.id, reason: "merchant" }] : [])),
    }).config({ name: "emit-license-key-disabled" })
    emitEventStep({
      eventName: EntitlementEvents.LICENSE_KEY_ENABLED,
      data: transform({ change }, ({ change }) => (change.enabled ? [{ id: change.id }] : [])),
    }).config({ name: "emit-license-key-enabled" })
    emitEventStep({
      eventName: EntitlementEvents.LICENSE_KEY_DEACTIVATED,
      data: transform({ change }, ({ change }) => change.deactivated.map((instance_id) => ({ id: change.id, instance_id }))),
    }).config({ name: "emit-license-key-deactivated" })
    return new WorkflowResponse(change)
  }
)
