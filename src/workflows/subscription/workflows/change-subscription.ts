import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SubscriptionEvents } from "../../../modules/subscription/constants"
import { type ChangeSubscriptionInput, changeSubscriptionStep } from "../steps/change-subscription"

export const changeSubscriptionWorkflowId = "portico-change-subscription"

/**
 * A client's or the merchant's change to a subscription
 * ({@link changeSubscriptionStep}: cancel now or at period end, undo,
 * pause, resume, move the next renewal, retry an unpaid renewal), then
 * `portico.subscription.status_changed` when the status moved. Pass
 * `customer_id` for a client: another client's subscription is a 404. A
 * change that makes a renewal due now (`renew_now`) is renewed by the caller
 * (`renewSubscriptionWorkflow`) or the next run of the renewal job.
 *
 * @example
 * await changeSubscriptionWorkflow(container).run({
 *   input: { id, change: { type: "cancel", at_period_end: true }, actor_type: "customer", actor_id, customer_id: actor_id },
 * })
 */
export const changeSubscriptionWorkflow = createWorkflow(changeSubscriptionWorkflowId, (input: ChangeSubscriptionInput) => {
  const changed = changeSubscriptionStep(input)
  emitEventStep({
    eventName: SubscriptionEvents.STATUS_CHANGED,
    data: transform({ changed, input }, ({ changed, input }) =>
      changed.from !== changed.to
        ? [
            {
              id: changed.id,
              from: changed.from,
              to: changed.to,
              action: changed.action,
              actor_type: input.actor_type,
              actor_id: input.actor_id ?? null,
            },
          ]
        : []
    ),
  }).config({ name: "emit-subscription-status-changed" })
  return new WorkflowResponse(changed)
})
