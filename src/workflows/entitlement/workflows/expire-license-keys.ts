import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { EntitlementEvents } from "../../../modules/entitlement/constants"
import { expireLicenseKeysStep } from "../steps/expire-license-keys"

export const expireLicenseKeysWorkflowId = "portico-expire-license-keys"

/**
 * Expires license keys: those past `expires_at` (the scheduled job
 * `portico-license-key-expiry`) and those of subscriptions that ended or were
 * canceled (the `portico.subscription.status_changed` subscriber). Emits
 * `portico.license_key.expired` with the reason (`expired`,
 * `subscription_ended`) for each.
 *
 * @example
 * await expireLicenseKeysWorkflow(container).run({ input: { subscription_ids: [id] } })
 */
export const expireLicenseKeysWorkflow = createWorkflow(expireLicenseKeysWorkflowId, (input: { subscription_ids?: string[] }) => {
  const expired = expireLicenseKeysStep(input)
  emitEventStep({ eventName: EntitlementEvents.LICENSE_KEY_EXPIRED, data: expired })
  return new WorkflowResponse(expired)
})
