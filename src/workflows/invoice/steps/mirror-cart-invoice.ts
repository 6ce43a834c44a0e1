import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"
import type { InvoiceSnapshot } from "../../../modules/invoice/service"

export const mirrorCartInvoiceStepId = "portico-mirror-cart-invoice-step"

/**
 * Mirrors a cart into its invoice, creating the invoice (`abandoned`) on the
 * first call. Safe to repeat and to run concurrently: the row is locked and a
 * stale snapshot is ignored. Compensation deletes an invoice this step created.
 */
export const mirrorCartInvoiceStep = createStep(
  mirrorCartInvoiceStepId,
  async (snapshot: InvoiceSnapshot, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const result = await invoices.mirrorCart(snapshot)
    return new StepResponse(result, result.created ? result.id : undefined)
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    await invoices.deleteInvoices(createdId)
  }
)
