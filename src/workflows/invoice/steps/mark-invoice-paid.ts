import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"

export const markInvoicePaidStepId = "portico-mark-invoice-paid-step"

/**
 * `open` → `paid`. An invoice already paid is success with `transitioned:
 * false` (duplicate webhooks and retries are expected). Compensation puts a
 * transitioned invoice back to `open`.
 */
export const markInvoicePaidStep = createStep(
  markInvoicePaidStepId,
  async (input: { id: string }, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const result = await invoices.markPaid(input.id)
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
