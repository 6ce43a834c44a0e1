import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { InvoiceEvents } from "../../../modules/invoice/constants"
import { SubscriptionEvents } from "../../../modules/subscription/constants"
import { settlePaidRenewalsStep } from "../steps/settle-paid-renewals"
import { type ChangeSubscriptionInput, changeSubscriptionStep } from "../steps/change-subscription"

export const changeSubscriptionWorkflowId = "portico-change-subscription"

/**
 * A client's or the merchant's change to a subscription
 * ({@link changeSubscriptionStep}: cancel now or at period end, undo,
 * pause, resume, move the next renewal, retry an unpaid renewal), then
 * `portico.subscription.status_changed` when the status moved. It runs under
 * the subscription's lock (the renewal job's), and an unpaid renewal whose
 * payment went through is settled first ({@link settlePaidRenewalsStep}). Pass
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
  // The renewal job's lock: a change waits for a renewal in flight, and never cancels a period being charged.
  const key = transform({ input }, ({ input }) => `portico-subscription:${input.id}`)
  acquireLockStep({ key, timeout: 30, ttl: 120 })
  const settled = settlePaidRenewalsStep(transform({ input }, ({ input }) => ({ id: input.id })))
  emitEventStep({
    eventName: InvoiceEvents.PAID,
    data: transform({ settled }, ({ settled }) => settled.filter((p) => p.invoice_paid && p.invoice_id).map((p) => ({ id: p.invoice_id }))),
  }).config({ name: "emit-settled-renewal-invoice-paid" })
  emitEventStep({
    eventName: SubscriptionEvents.RENEWED,
    data: transform({ settled }, ({ settled }) =>
      settled
        .filter((p) => p.completed)
        .map((p) => ({ id: p.subscription_id, renewal_id: p.renewal_id, period: p.period, order_id: p.order_id, invoice_id: p.invoice_id }))
    ),
  }).config({ name: "emit-settled-renewal-renewed" })
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
  releaseLockStep({ key })
  return new WorkflowResponse(changed)
})
