import { acquireLockStep, cancelOrderWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateOpenInvoiceStep } from "../steps/validate-open-invoice"
import { syncOrderInvoiceWorkflow } from "./sync-order-invoice"

export const voidOpenInvoiceWorkflowId = "portico-void-open-invoice"

/**
 * Voids an unpaid (open) invoice by canceling its order (Medusa's
 * `cancelOrderWorkflow`, which cancels the authorized payment); the invoice
 * becomes `void` and `portico.invoice.voided` is emitted. A paid invoice is
 * refused (`invoice_not_open`).
 *
 * @example
 * await voidOpenInvoiceWorkflow(container).run({ input: { id: invoiceId, actor_id } })
 */
export const voidOpenInvoiceWorkflow = createWorkflow(
  voidOpenInvoiceWorkflowId,
  (input: { id: string; actor_id?: string }) => {
    const key = transform({ input }, ({ input }) => `portico-invoice:${input.id}`)
    acquireLockStep({ key, timeout: 10, ttl: 60 })
    const open = validateOpenInvoiceStep({ id: input.id })
    cancelOrderWorkflow.runAsStep({
      input: transform({ open, input }, ({ open, input }) => ({ order_id: open.order_id as string, canceled_by: input.actor_id })),
    })
    const invoice = syncOrderInvoiceWorkflow.runAsStep({
      input: transform({ open }, ({ open }) => ({ order_id: open.order_id as string })),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(invoice)
  }
)
