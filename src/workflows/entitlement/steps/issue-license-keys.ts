import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import type { NewLicenseKey } from "../../../modules/entitlement/service"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import { InvoiceStatus } from "../../../modules/invoice/constants"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../../modules/service-order"
import type ServiceOrderModuleService from "../../../modules/service-order/service"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type { BillingInterval } from "../../../modules/subscription/constants"
import { periodBoundary } from "../../../modules/subscription/periods"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import { clock } from "../../../utils/clock"
import { type PurchasedItem, unitsOf } from "../../service-order/purchased-items"

export const issueLicenseKeysStepId = "portico-issue-license-keys-step"

/** The keys one run issued, for `portico.license_key.issued`. */
export type IssuedLicenseKeys = { issued: { id: string; order_id: string; line_item_id: string; customer_id: string | null }[] }


/**
 * Issues one license key per purchased unit of a service with license keys
 * enabled, once the purchase's invoice is paid (a renewal's invoice issues
 * none: the key follows its subscription). Each key takes the service's
 * activation limit and expiry as they are at payment: `never`; a `length`
 * counted from the payment; or with the `subscription` (expired when it
 * ends). Idempotent: unique per line item and unit. Compensation deletes
 * what this run issued.
 */
export const issueLicenseKeysStep = createStep(
  issueLicenseKeysStepId,
  async (input: { invoice_id: string }, { container }) => {
    const none: IssuedLicenseKeys = { issued: [] }
    const [invoice] = await container
      .resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
      .listInvoices({ id: input.invoice_id }, { select: ["id", "status", "order_id", "customer_id", "email", "renewal_id", "paid_at"] })
    if (!invoice?.order_id || invoice.status !== InvoiceStatus.PAID || invoice.renewal_id) {
      return new StepResponse(none, [] as string[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "email", "customer_id", "items.*"],
      filters: { id: invoice.order_id },
    })
    const items = ((order?.items ?? []).filter(Boolean) as PurchasedItem[]).filter((i) => !!i.product_id)
    if (!order || !items.length) {
      return new StepResponse(none, [] as string[])
    }
    const settings = await container
      .resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
      .listServiceSettings(
        { product_id: [...new Set(items.map((i) => i.product_id as string))], license_keys_enabled: true },
        { select: ["product_id", "license_activation_limit", "license_expiry", "license_expiry_interval", "license_expiry_count"] }
      )
    const byProduct = new Map(settings.map((s) => [s.product_id, s]))
    const keyed = items.filter((i) => byProduct.has(i.product_id as string))
    if (!keyed.length) {
      return new StepResponse(none, [] as string[])
    }
    const unitKey = (r: { line_item_id: string; unit_index: number }) => `${r.line_item_id}:${r.unit_index}`
    const [serviceOrders, subscriptions] = await Promise.all([
      container
        .resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
        .listServiceOrders({ order_id: order.id }, { select: ["id", "line_item_id", "unit_index"] }),
      container
        .resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
        .listSubscriptions({ order_id: order.id }, { select: ["id", "line_item_id", "unit_index"] }),
    ])
    const serviceOrderOf = new Map(serviceOrders.map((so) => [unitKey(so), so.id]))
    const subscriptionOf = new Map(subscriptions.map((s) => [unitKey(s), s.id]))
    const paidAt = invoice.paid_at ? new Date(invoice.paid_at) : clock.now()
    const rows: NewLicenseKey[] = keyed.flatMap((item) => {
      const s = byProduct.get(item.product_id as string)!
      const units = unitsOf(item)
      return Array.from({ length: units }, (_, i) => {
        const unit = { line_item_id: item.id, unit_index: i + 1 }
        const subscriptionId = subscriptionOf.get(unitKey(unit)) ?? null
        const expiresAt =
          s.license_expiry === "length" && s.license_expiry_interval && s.license_expiry_count
            ? periodBoundary(paidAt, s.license_expiry_interval as BillingInterval, s.license_expiry_count, 1)
            : null
        return {
          product_id: item.product_id ?? null,
          variant_id: item.variant_id ?? null,
          title: item.title,
          variant_title: item.variant_title ?? null,
          order_id: order.id,
          order_display_id: (order.display_id as number | null) ?? null,
          ...unit,
          service_order_id: serviceOrderOf.get(unitKey(unit)) ?? null,
          subscription_id: subscriptionId,
          customer_id: (order.customer_id as string | null) ?? invoice.customer_id ?? null,
          email: (order.email as string | null) ?? invoice.email ?? null,
          activation_limit: s.license_activation_limit ?? null,
          expires_at: expiresAt,
          expires_with_subscription: s.license_expiry === "subscription" && !!subscriptionId,
        }
      })
    })
    const entitlements = container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
    const ids = await entitlements.issueMissingLicenseKeys(rows)
    const issued = ids.length
      ? (await entitlements.listLicenseKeys({ id: ids }, { select: ["id", "order_id", "line_item_id", "customer_id"] })).map((k) => ({
          id: k.id,
          order_id: k.order_id,
          line_item_id: k.line_item_id,
          customer_id: k.customer_id ?? null,
        }))
      : []
    return new StepResponse<IssuedLicenseKeys, string[]>({ issued }, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE).deleteLicenseKeys(ids)
    }
  }
)
