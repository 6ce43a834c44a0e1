import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"

/** An order's payment collections, as `query.graph` returns them. */
export type OrderPaymentsInput = {
  payment_collections?: ({
    status?: string | null
    amount?: number | string | { toString(): string } | null
    payments?: ({ provider_id?: string | null; captured_at?: Date | string | null } | null)[] | null
  } | null)[] | null
}

const CONFIRMED = new Set(["authorized", "partially_captured", "completed"])

export const orderPaymentStateStepId = "portico-order-payment-state-step"

/**
 * Whether an order's payment is confirmed: nothing is due (no payment
 * collection, or one for 0, e.g. fully covered by credit), or every payment
 * collection is authorized or captured by a provider that is not deferred
 * (manual methods such as bank transfer stay unpaid until captured).
 * Read-only; nothing to compensate.
 */
export const orderPaymentStateStep = createStep(
  orderPaymentStateStepId,
  async (order: OrderPaymentsInput, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const collections = (order.payment_collections ?? []).filter((c): c is NonNullable<typeof c> => !!c)
    const due = collections.reduce((sum, c) => sum + Number(c.amount?.toString() ?? 0), 0)
    if (!collections.length || due <= 0) {
      return new StepResponse({ confirmed: true })
    }
    const confirmed = collections.every((c) => {
      const payments = (c.payments ?? []).filter((p): p is NonNullable<typeof p> => !!p)
      if (!payments.length) {
        return false
      }
      if (payments.every((p) => p.captured_at)) {
        return true
      }
      return (
        CONFIRMED.has(c.status ?? "") &&
        payments.every((p) => !p.provider_id || !invoices.isDeferredProvider(p.provider_id))
      )
    })
    return new StepResponse({ confirmed })
  }
)
