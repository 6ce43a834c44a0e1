import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import { InvoiceStatus } from "../../../modules/invoice/constants"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"
import { paymentsOf } from "../order-payments"

export const validateOpenInvoiceStepId = "portico-validate-open-invoice-step"

/** An open invoice's order and the payments on it not captured yet. */
export type OpenInvoice = { id: string; order_id: string; payment_ids: string[]; renewal_id: null }
/** An open invoice of a subscription renewal (no order until it is paid). */
export type OpenRenewalInvoice = { id: string; order_id: null; payment_ids: []; renewal_id: string }

/**
 * Checks that an invoice is `open` (an order placed, not paid yet): 404
 * `not_found` for an unknown invoice, 400 `invoice_not_open` for one that is
 * paid, void, or still a cart. Returns its order and the order's payments
 * that are not captured (what marking it paid captures). An open invoice of
 * a subscription renewal (no order yet) is returned as such with
 * `allow_renewal` (marking it paid settles the renewal), refused otherwise
 * (void: pause or cancel the subscription instead).
 */
export const validateOpenInvoiceStep = createStep(
  validateOpenInvoiceStepId,
  async (input: { id: string; allow_renewal?: boolean }, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const [invoice] = await invoices.listInvoices({ id: input.id }, { select: ["id", "status", "order_id", "number", "renewal_id"] })
    if (!invoice) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Invoice ${input.id} was not found.`)
    }
    if (invoice.status === InvoiceStatus.OPEN && invoice.renewal_id && !invoice.order_id) {
      if (!input.allow_renewal) {
        throw new PorticoError(
          MedusaError.Types.NOT_ALLOWED,
          PorticoErrorCode.INVOICE_NOT_OPEN,
          `Invoice ${invoice.number ?? invoice.id} is a subscription renewal's: pause or cancel the subscription instead.`,
          { details: { status: invoice.status } }
        )
      }
      const renewal: OpenRenewalInvoice = { id: invoice.id, order_id: null, payment_ids: [], renewal_id: invoice.renewal_id }
      return new StepResponse<OpenInvoice | OpenRenewalInvoice>(renewal)
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
    const open: OpenInvoice = { id: invoice.id, order_id: invoice.order_id, payment_ids: payments.map((p) => p.id), renewal_id: null }
    return new StepResponse<OpenInvoice | OpenRenewalInvoice>(open)
  }
)
