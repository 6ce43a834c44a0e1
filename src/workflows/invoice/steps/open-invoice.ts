import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"
import type { InvoiceSnapshot } from "../../../modules/invoice/service"

export const openInvoiceStepId = "portico-open-invoice-step"

/**
 * Moves a cart's invoice from `abandoned` to `open` for an order (creating it
 * if the cart never got one), mirroring the final cart and giving it the next
 * number. Already open, paid or void: nothing changes (`transitioned: false`).
 * Compensation puts a transitioned invoice back in `abandoned`; it keeps its
 * number, which a rerun reuses.
 */
export const openInvoiceStep = createStep(
  openInvoiceStepId,
  async (input: { snapshot: InvoiceSnapshot; order_id: string }, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const result = await invoices.openInvoice(input.snapshot, input.order_id)
    return new StepResponse(result, result.transitioned ? result.id : undefined)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    await invoices.restoreStatus(id, "abandoned")
  }
)
