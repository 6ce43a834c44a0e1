import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"

/**
 * Builds a step that moves an open invoice to `paid` or `void` through the
 * invoice module. Already there: success with `transitioned: false`.
 * Compensation puts a transitioned invoice back to `open`.
 */
export function invoiceTransitionStep(stepId: string, method: "markPaid" | "voidInvoice") {
  return createStep(
    stepId,
    async (input: { id: string }, { container }) => {
      const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
      const result = await invoices[method](input.id)
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
}
