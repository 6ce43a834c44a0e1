import { acquireLockStep, capturePaymentWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { InvoiceEvents } from "../../../modules/invoice/constants"
import { SubscriptionEvents } from "../../../modules/subscription/constants"
import { markRenewalPaidManuallyStep } from "../../subscription/steps/mark-renewal-paid-manually"
import { placeRenewalOrderStep } from "../../subscription/steps/place-renewal-order"
import { validateOpenInvoiceStep } from "../steps/validate-open-invoice"
import { syncOrderInvoiceWorkflow } from "./sync-order-invoice"

export const markInvoicePaidManuallyWorkflowId = "portico-mark-invoice-paid-manually"

/**
 * A merchant's "payment received" for an open invoice (a bank transfer or
 * another manual method): captures the order's payment (Medusa's
 * `capturePaymentWorkflow`), which makes the invoice `paid` and emits
 * `portico.invoice.paid`, so the post-payment work (service orders, emails)
 * runs once. A subscription renewal's open invoice (bank transfer, no saved
 * card) is settled instead: the payment recorded on the renewal's payment
 * collection, the period's order placed, the invoice `paid`, the
 * subscription moved on. Serialized per invoice; an invoice that is not open is refused
 * (`invoice_not_open`), so a double click captures once.
 *
 * @example
 * await markInvoicePaidManuallyWorkflow(container).run({ input: { id: invoiceId, actor_id } })
 */
export const markInvoicePaidManuallyWorkflow = createWorkflow(
  markInvoicePaidManuallyWorkflowId,
  (input: { id: string; actor_id?: string }) => {
    const key = transform({ input }, ({ input }) => `portico-invoice:${input.id}`)
    acquireLockStep({ key, timeout: 10, ttl: 60 })
    const open = validateOpenInvoiceStep(transform({ input }, ({ input }) => ({ id: input.id, allow_renewal: true })))
    // A subscription renewal's invoice: the renewal is settled (payment recorded, the period's order placed).
    const renewal = when("renewal-invoice", { open }, ({ open }) => !!open.renewal_id).then(() => {
      const paid = markRenewalPaidManuallyStep(
        transform({ open, input }, ({ open, input }) => ({ renewal_id: open.renewal_id as string, actor_id: input.actor_id }))
      )
      const placed = placeRenewalOrderStep(paid)
      emitEventStep({
        eventName: InvoiceEvents.PAID,
        data: transform({ placed }, ({ placed }) => (placed.invoice_paid && placed.invoice_id ? [{ id: placed.invoice_id }] : [])),
      }).config({ name: "emit-renewal-invoice-paid" })
      emitEventStep({
        eventName: SubscriptionEvents.RENEWED,
        data: transform({ placed }, ({ placed }) =>
          placed.completed
            ? [{ id: placed.subscription_id, renewal_id: placed.renewal_id, period: placed.period, order_id: placed.order_id, invoice_id: placed.invoice_id }]
            : []
        ),
      }).config({ name: "emit-renewal-renewed" })
      return placed
    })
    when("has-payment", { open }, ({ open }) => !open.renewal_id && open.payment_ids.length > 0).then(() => {
      capturePaymentWorkflow.runAsStep({
        input: transform({ open, input }, ({ open, input }) => ({ payment_id: open.payment_ids[0], captured_by: input.actor_id })),
      })
    })
    when("order-invoice", { open }, ({ open }) => !open.renewal_id).then(() => {
      syncOrderInvoiceWorkflow.runAsStep({
        input: transform({ open }, ({ open }) => ({ order_id: open.order_id as string })),
      })
    })
    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ renewal, open }, ({ renewal, open }) => ({
        invoice_id: open.id,
        order_id: open.order_id ?? renewal?.order_id ?? null,
        renewal_id: renewal?.renewal_id ?? null,
      }))
    )
  }
)
