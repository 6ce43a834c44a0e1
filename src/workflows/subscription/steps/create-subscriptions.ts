import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import { InvoiceStatus } from "../../../modules/invoice/constants"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../../modules/service-order"
import type ServiceOrderModuleService from "../../../modules/service-order/service"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type { BillingInterval } from "../../../modules/subscription/constants"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { NewSubscription } from "../../../modules/subscription/service"
import { clock } from "../../../utils/clock"
import { savedCardLabel, type AccountHolder } from "../account-holder"
import { type PurchasedItem, unitsOf } from "../../service-order/purchased-items"

export const createSubscriptionsStepId = "portico-create-subscriptions-step"

/** What a purchase's renewals are paid with after credit, read off its payment. */
export type RenewalPaymentMethod = {
  payment_provider_id: string | null
  payment_method_id: string | null
  payment_account_holder_id: string | null
  payment_method_label: string | null
}

const STRIPE = /^pp_stripe(-[a-z0-9]+)?_/


/**
 * The payment method of an order's payment, for renewals: Stripe's card
 * (the PaymentIntent's `payment_method`, saved with `setup_future_usage`) on
 * the Stripe customer the payment module knows as an account holder; any
 * other provider (bank transfer) is kept as the provider only, and its
 * renewals are invoiced for the client to pay.
 */
export async function orderPaymentMethod(container: MedusaContainer, orderId: string): Promise<RenewalPaymentMethod> {
  const none: RenewalPaymentMethod = {
    payment_provider_id: null,
    payment_method_id: null,
    payment_account_holder_id: null,
    payment_method_label: null,
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.provider_id", "payment_collections.payments.data"],
    filters: { id: orderId },
  })
  type Payment = { provider_id: string; data?: Record<string, unknown> | null }
  const payments = ((order?.payment_collections ?? []) as { payments?: Payment[] | null }[]).flatMap((c) => c?.payments ?? [])
  const payment = payments[0]
  if (!payment) {
    return none
  }
  if (!STRIPE.test(payment.provider_id)) {
    return { ...none, payment_provider_id: payment.provider_id }
  }
  const data = payment.data ?? {}
  const method = data.payment_method as string | { id?: string; card?: { brand?: string; last4?: string } } | null | undefined
  const methodId = typeof method === "string" ? method : (method?.id ?? null)
  const card = typeof method === "object" ? method?.card : undefined
  const customer = typeof data.customer === "string" ? data.customer : null
  let holder: AccountHolder | null = null
  if (customer) {
    const { data: holders } = await query.graph({
      entity: "account_holder",
      fields: ["id", "provider_id", "external_id", "data"],
      filters: { provider_id: payment.provider_id, external_id: customer },
    })
    holder = (holders[0] as AccountHolder | undefined) ?? null
  }
  const saved = methodId && data.setup_future_usage ? methodId : null
  return {
    payment_provider_id: payment.provider_id,
    payment_method_id: saved,
    payment_account_holder_id: holder?.id ?? null,
    payment_method_label: await savedCardLabel(container, { provider_id: payment.provider_id, holder, payment_method_id: saved, card }),
  }
}

/**
 * Creates one subscription per purchased unit of a recurring service once
 * the purchase's invoice is paid (a renewal's invoice creates none), linked
 * to the order, its line item and unit, the invoice and the unit's service
 * order, at the price paid and the service's interval, count and cycles,
 * anchored at the payment. The card the purchase saved (Stripe) pays the
 * renewals after account credit. Idempotent: unique per line item and unit,
 * so a duplicated or retried post-payment run creates nothing more.
 * Compensation deletes what this run created.
 */
export const createSubscriptionsStep = createStep(
  createSubscriptionsStepId,
  async (input: { invoice_id: string }, { container }) => {
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const [invoice] = await invoices.listInvoices(
      { id: input.invoice_id },
      { select: ["id", "status", "order_id", "customer_id", "email", "renewal_id", "paid_at", "region_id"] }
    )
    if (!invoice?.order_id || invoice.status !== InvoiceStatus.PAID || invoice.renewal_id) {
      return new StepResponse({ created: [] as { id: string; customer_id: string | null; order_id: string }[] }, [] as string[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "email", "customer_id", "currency_code", "region_id", "sales_channel_id", "items.*"],
      filters: { id: invoice.order_id },
    })
    const items = ((order?.items ?? []).filter(Boolean) as PurchasedItem[]).filter((i) => !!i.product_id)
    if (!order || !items.length) {
      return new StepResponse({ created: [] as { id: string; customer_id: string | null; order_id: string }[] }, [] as string[])
    }
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    const settings = await catalog.listServiceSettings(
      { product_id: [...new Set(items.map((i) => i.product_id as string))], billing_type: "recurring" },
      { select: ["product_id", "interval", "interval_count", "billing_cycles"] }
    )
    const byProduct = new Map(settings.map((s) => [s.product_id, s]))
    const recurring = items.filter((i) => byProduct.get(i.product_id as string)?.interval)
    if (!recurring.length) {
      return new StepResponse({ created: [] as { id: string; customer_id: string | null; order_id: string }[] }, [] as string[])
    }
    const serviceOrders = await container
      .resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
      .listServiceOrders({ order_id: order.id }, { select: ["id", "line_item_id", "unit_index"] })
    const serviceOrderOf = new Map(serviceOrders.map((so) => [`${so.line_item_id}:${so.unit_index}`, so.id]))
    const method = await orderPaymentMethod(container, order.id)
    const anchor = invoice.paid_at ? new Date(invoice.paid_at) : clock.now()
    const rows: NewSubscription[] = recurring.flatMap((item) => {
      const s = byProduct.get(item.product_id as string)!
      const units = unitsOf(item)
      return Array.from({ length: units }, (_, i) => ({
        customer_id: (order.customer_id as string | null) ?? invoice.customer_id ?? null,
        email: (order.email as string | null) ?? invoice.email ?? null,
        product_id: item.product_id ?? null,
        variant_id: item.variant_id ?? null,
        title: item.title,
        variant_title: item.variant_title ?? null,
        order_id: order.id,
        line_item_id: item.id,
        unit_index: i + 1,
        invoice_id: invoice.id,
        service_order_id: serviceOrderOf.get(`${item.id}:${i + 1}`) ?? null,
        region_id: (order.region_id as string | null) ?? invoice.region_id ?? null,
        sales_channel_id: (order.sales_channel_id as string | null) ?? null,
        currency_code: order.currency_code as string,
        unit_price: Number(item.unit_price),
        interval: s.interval as BillingInterval,
        interval_count: s.interval_count ?? 1,
        billing_cycles: s.billing_cycles ?? null,
        anchor_at: anchor,
        ...method,
      }))
    })
    const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const ids = await subscriptions.createMissingSubscriptions(rows)
    const created = ids.map((id) => ({ id, customer_id: (order.customer_id as string | null) ?? null, order_id: order.id }))
    return new StepResponse({ created }, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE).deleteSubscriptions(ids)
  }
)
