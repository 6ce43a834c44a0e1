import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"

export const recordInvoiceCreditRefundStepId = "portico-record-invoice-credit-refund"

/**
 * Adds a refund to credit to the order's invoice (`credit_refund_total`).
 * Compensation takes it back. An order without an invoice is left alone.
 */
export const recordInvoiceCreditRefundStep = createStep(
  recordInvoiceCreditRefundStepId,
  async (input: { order_id: string; amount: number }, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const invoice = await invoices.addCreditRefund(input.order_id, input.amount)
    return new StepResponse(invoice, invoice ? input : null)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE).addCreditRefund(undo.order_id, -undo.amount)
  }
)
