import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { InvoiceEvents } from "../../../modules/invoice/constants"
import { SubscriptionEvents } from "../../../modules/subscription/constants"
import { beginRenewalStep } from "../steps/begin-renewal"
import { chargeRenewalStep } from "../steps/charge-renewal"
import { openRenewalInvoiceStep } from "../steps/open-renewal-invoice"
import { placeRenewalOrderStep } from "../steps/place-renewal-order"
import { takeRenewalCreditStep } from "../steps/take-renewal-credit"

export const renewSubscriptionWorkflowId = "portico-renew-subscription"

/**
 * Renews one subscription whose period has ended (the renewal job runs it
 * for every due subscription; the merchant's "retry now" and new payment
 * details run it too). Under the subscription's lock (Medusa's locking
 * module: across instances with Redis), so two runs never work on it at
 * once:
 *
 * 1. the renewal row for the due period is found or written first
 *    ({@link beginRenewalStep}); everything after resumes from its state;
 * 2. the period's invoice is opened (same number sequence);
 * 3. account credit pays what it can, once ({@link takeRenewalCreditStep});
 * 4. the saved card is charged off-session for the rest, with an idempotency
 *    key per attempt ({@link chargeRenewalStep}); a failure is scheduled for
 *    retry (dunning) or waits for the client;
 * 5. once paid: the period's Medusa order, the invoice `paid`
 *    (`portico.invoice.paid`: the same post-payment work as a purchase: a
 *    service order when the service asks for one per renewal, the
 *    confirmation email), the subscription moved to the new period
 *    (`portico.subscription.renewed`).
 *
 * Killed at any point and run again, it charges and orders each period once.
 *
 * @example
 * await renewSubscriptionWorkflow(container).run({ input: { subscription_id } })
 */
export const renewSubscriptionWorkflow = createWorkflow(renewSubscriptionWorkflowId, (input: { subscription_id: string }) => {
  const key = transform({ input }, ({ input }) => `portico-subscription:${input.subscription_id}`)
  acquireLockStep({ key, timeout: 30, ttl: 120 })
  const start = beginRenewalStep(input)
  const renewal = transform({ start }, ({ start }) => ({ renewal_id: start.renewal?.id ?? null }))
  const ready = transform({ renewal }, ({ renewal }) => renewal.renewal_id)
  openRenewalInvoiceStep(transform({ ready }, ({ ready }) => ({ renewal_id: ready ?? "" })))
  takeRenewalCreditStep(transform({ ready }, ({ ready }) => ({ renewal_id: ready ?? "" })))
  const charge = chargeRenewalStep(transform({ ready }, ({ ready }) => ({ renewal_id: ready ?? "" })))
  const placed = placeRenewalOrderStep(
    transform({ ready, charge }, ({ ready, charge }) => ({
      renewal_id: ready,
      paid: charge.outcome === "paid",
      payment_collection_id: charge.payment_collection_id,
    }))
  )
  emitEventStep({
    eventName: InvoiceEvents.PAID,
    data: transform({ placed }, ({ placed }) => (placed.invoice_paid && placed.invoice_id ? [{ id: placed.invoice_id }] : [])),
  }).config({ name: "emit-renewal-invoice-paid" })
  emitEventStep({
    eventName: SubscriptionEvents.RENEWED,
    data: transform({ placed }, ({ placed }) =>
      placed.completed
        ? [
            {
              id: placed.subscription_id,
              renewal_id: placed.renewal_id,
              period: placed.period,
              order_id: placed.order_id,
              invoice_id: placed.invoice_id,
            },
          ]
        : []
    ),
  }).config({ name: "emit-subscription-renewed" })
  emitEventStep({
    eventName: SubscriptionEvents.PAYMENT_FAILED,
    data: transform({ start, charge }, ({ start, charge }) =>
      start.renewal && (charge.outcome === "retrying" || charge.outcome === "failed") && charge.attempt
        ? [
            {
              id: start.renewal.subscription_id,
              renewal_id: start.renewal.id,
              attempt: charge.attempt,
              code: charge.code ?? null,
              next_attempt_at: charge.next_attempt_at ?? null,
              final: charge.outcome === "failed",
            },
          ]
        : []
    ),
  }).config({ name: "emit-renewal-payment-failed" })
  emitEventStep({
    eventName: SubscriptionEvents.PAYMENT_REQUIRES_ACTION,
    data: transform({ start, charge }, ({ start, charge }) =>
      start.renewal && charge.outcome === "requires_action"
        ? [{ id: start.renewal.subscription_id, renewal_id: start.renewal.id, reason: charge.code ?? null }]
        : []
    ),
  }).config({ name: "emit-renewal-requires-action" })
  emitEventStep({
    eventName: SubscriptionEvents.STATUS_CHANGED,
    data: transform({ start, charge }, ({ start, charge }) => {
      if (!start.renewal && (start.reason === "canceled" || start.reason === "ended") && start.subscription) {
        const action = start.reason === "canceled" ? "canceled" : "ended"
        return [{ id: start.subscription.id, from: "active", to: start.reason, action, actor_type: "system", actor_id: null }]
      }
      if (start.renewal && charge.canceled) {
        return [{ id: start.renewal.subscription_id, from: "past_due", to: "canceled", action: "canceled", actor_type: "system", actor_id: null }]
      }
      return []
    }),
  }).config({ name: "emit-renewal-status-changed" })
  releaseLockStep({ key })
  return new WorkflowResponse(
    transform({ start, charge, placed }, ({ start, charge, placed }) => ({
      subscription_id: start.subscription?.id ?? null,
      renewal_id: start.renewal?.id ?? null,
      skipped: start.renewal ? null : start.reason,
      outcome: start.renewal ? charge.outcome : null,
      code: charge.code ?? null,
      order_id: placed.order_id,
      invoice_id: placed.invoice_id,
    }))
  )
})
