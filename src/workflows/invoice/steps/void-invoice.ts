import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"

export const voidInvoiceStepId = "portico-void-invoice-step"

/**
 * `open` → `void`, e.g. when the order is canceled before payment. Already
 * void: `transitioned: false`. Compensation reopens a transitioned invoice.
 */
export const voidInvoiceStep = createStep(
  voidInvoiceStepId,
  async (input: { id: string }, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const result = await invoices.voidInvoice(input.id)
    return new StepResponse(result, result.transitioned ? result.id : undefined)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    await invoices.restoreStatus(id, "open")
  }
)
