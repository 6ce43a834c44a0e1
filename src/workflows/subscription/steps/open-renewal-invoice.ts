import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"

export const openRenewalInvoiceStepId = "portico-open-renewal-invoice-step"

/**
 * Opens the renewal's invoice (no cart; next number of the same sequence; one
 * line: the service for the period at the subscription's price) and records
 * it on the renewal. One invoice per renewal: a rerun finds it. Returns the
 * invoice id (null when the renewal was closed meanwhile).
 */
export const openRenewalInvoiceStep = createStep(
  openRenewalInvoiceStepId,
  async (input: { renewal_id: string }, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const renewal = await subscriptions.getRenewal(input.renewal_id)
    if (!renewal) {
      return new StepResponse(null)
    }
    if (renewal.invoice_id) {
      return new StepResponse(renewal.invoice_id)
    }
    const sub = await subscriptions.retrieveSubscription(renewal.subscription_id)
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const day = (d: Date) => new Date(d).toISOString().slice(0, 10)
    const opened = await invoices.openRenewalInvoice({
      renewal_id: renewal.id,
      subscription_id: sub.id,
      customer_id: sub.customer_id,
      email: sub.email,
      region_id: sub.region_id,
      currency_code: sub.currency_code,
      line: {
        product_id: sub.product_id,
        variant_id: sub.variant_id,
        title: sub.title,
        variant_title: `${sub.variant_title ? `${sub.variant_title}, ` : ""}${day(renewal.period_start)} – ${day(renewal.period_end)}`,
        unit_price: Number(renewal.amount),
      },
      metadata: { period: renewal.period },
    })
    await subscriptions.recordRenewal(renewal.id, { invoice_id: opened.id })
    return new StepResponse(opened.id)
  }
)
