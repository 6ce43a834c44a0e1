import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { syncOrderInvoiceWorkflow } from "../../invoice/workflows/sync-order-invoice"

export const recordInvoiceCreditRefundStepId = "portico-record-invoice-credit-refund"

/**
 * Adds a refund to credit to the order's invoice (`credit_refund_total`),
 * opening the invoice first if the order was placed a moment ago.
 * Compensation takes it back. An order without an invoice (no cart) is left alone.
 */
export const recordInvoiceCreditRefundStep = createStep(
  recordInvoiceCreditRefundStepId,
  async (input: { order_id: string; amount: number }, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    let invoice = await invoices.addCreditRefund(input.order_id, input.amount)
    if (!invoice) {
      // The invoice opens when the order is placed, in a subscriber: a refund
      // that comes first opens it (an order without a cart has none).
      const opened = await syncOrderInvoiceWorkflow(container)
        .run({ input: { order_id: input.order_id } })
        .catch(() => null)
      if (opened) {
        invoice = await invoices.addCreditRefund(input.order_id, input.amount)
      }
    }
    return new StepResponse(invoice, invoice ? input : null)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE).addCreditRefund(undo.order_id, -undo.amount)
  }
)
