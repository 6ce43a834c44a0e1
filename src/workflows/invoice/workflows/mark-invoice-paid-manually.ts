import { acquireLockStep, capturePaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateOpenInvoiceStep } from "../steps/validate-open-invoice"
import { syncOrderInvoiceWorkflow } from "./sync-order-invoice"

export const markInvoicePaidManuallyWorkflowId = "portico-mark-invoice-paid-manually"

/**
 * A merchant's "payment received" for an open invoice (a bank transfer or
 * another manual method): captures the order's payment (Medusa's
 * `capturePaymentWorkflow`), which makes the invoice `paid` and emits
 * `portico.invoice.paid`, so the post-payment work (service orders, emails)
 * runs once. Serialized per invoice; an invoice that is not open is refused
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
    const open = validateOpenInvoiceStep({ id: input.id })
    when("has-payment", { open }, ({ open }) => open.payment_ids.length > 0).then(() => {
      capturePaymentWorkflow.runAsStep({
        input: transform({ open, input }, ({ open, input }) => ({ payment_id: open.payment_ids[0], captured_by: input.actor_id })),
      })
    })
    const invoice = syncOrderInvoiceWorkflow.runAsStep({
      input: transform({ open }, ({ open }) => ({ order_id: open.order_id })),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(invoice)
  }
)
