import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import { InvoiceStatus } from "../../../modules/invoice/constants"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { syncOrderInvoiceWorkflow } from "../../invoice/workflows/sync-order-invoice"
import { afterPaymentWorkflow } from "../../service-order/workflows/after-payment"

export const settleOrderStepId = "portico-settle-order"

/**
 * What placing an order writes for Portico, done at the checkout so the
 * client's next reads only read: the order's invoice opened with its number
 * (and `paid` when the payment is taken: `syncOrderInvoiceWorkflow`), and
 * for a paid invoice its service orders (`afterPaymentWorkflow` without the
 * emails, which the `portico.invoice.paid` subscriber sends off the
 * request). Both are idempotent and also run from events (`order.placed`,
 * `portico.invoice.paid`), so a failure here is logged and left to them: the
 * order is placed either way. Returns the invoice's id and status.
 */
type Settled = { invoice_id: string | null; status: string | null }

export const settleOrderStep = createStep(settleOrderStepId, async (input: { order_id: string }, { container }) => {
  let settled: Settled = { invoice_id: null, status: null }
  try {
    await syncOrderInvoiceWorkflow(container).run({ input: { order_id: input.order_id } })
    const [invoice] = await container
      .resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
      .listInvoices({ order_id: input.order_id }, { select: ["id", "status"], take: 1 })
    if (invoice?.status === InvoiceStatus.PAID) {
      await afterPaymentWorkflow(container).run({ input: { invoice_id: invoice.id, notify: false } })
    }
    settled = { invoice_id: invoice?.id ?? null, status: invoice?.status ?? null }
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Portico: settling order ${input.order_id} at checkout failed (its events will retry): ${(e as Error).message}`)
  }
  return new StepResponse(settled)
})
