import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import { InvoiceStatus } from "../../../modules/invoice/constants"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"
import { paymentsOf } from "../order-payments"

export const validateOpenInvoiceStepId = "portico-validate-open-invoice-step"

/** An open invoice's order and the payments on it not captured yet. */
export type OpenInvoice = { id: string; order_id: string; payment_ids: string[] }

/**
 * Checks that an invoice is `open` (an order placed, not paid yet): 404
 * `not_found` for an unknown invoice, 400 `invoice_not_open` for one that is
 * paid, void, or still a cart. Returns its order and the order's payments
 * that are not captured (what marking it paid captures).
 */
export const validateOpenInvoiceStep = createStep(
  validateOpenInvoiceStepId,
  async (input: { id: string }, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const [invoice] = await invoices.listInvoices({ id: input.id }, { select: ["id", "status", "order_id", "number"] })
    if (!invoice) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Invoice ${input.id} was not found.`)
    }
    if (invoice.status !== InvoiceStatus.OPEN || !invoice.order_id) {
      throw new PorticoError(
        MedusaError.Types.NOT_ALLOWED,
        PorticoErrorCode.INVOICE_NOT_OPEN,
        `Invoice ${invoice.number ?? invoice.id} is ${invoice.status}: only an open invoice can be marked paid or voided.`,
        { details: { status: invoice.status } }
      )
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.payments.id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
      filters: { id: invoice.order_id },
    })
    const payments = paymentsOf<{ id: string; captured_at?: unknown; canceled_at?: unknown }>(order).filter(
      (p) => !p.captured_at && !p.canceled_at
    )
    const open: OpenInvoice = { id: invoice.id, order_id: invoice.order_id, payment_ids: payments.map((p) => p.id) }
    return new StepResponse(open)
  }
)
