import type { IOrderModuleService } from "@medusajs/framework/types"
import type { ClaimedPurchases } from "../../../contracts/http"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../../modules/service-order"
import type ServiceOrderModuleService from "../../../modules/service-order/service"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"

export const claimGuestPurchasesStepId = "portico-claim-guest-purchases"

export type ClaimGuestPurchasesInput = { customer_id: string; guest_customer_ids: string[] }

/** What moved to the customer. */
export type { ClaimedPurchases }

/** Each moved record with the guest it came from (for compensation). */
type Moved = {
  customer_id: string
  orders: Moved1[]
  invoices: Moved1[]
  service_orders: Moved1[]
  subscriptions: Moved1[]
  license_keys?: Moved1[]
}
type Moved1 = { id: string; from: string }

/**
 * Gives a customer the purchases of guest customers of the same email:
 * their orders, invoices, service orders, subscriptions and license keys now name the customer, so every
 * ownership check (Medusa's and Portico's) sees them as the customer's.
 * Compensation gives each record back to the guest it came from.
 */
export const claimGuestPurchasesStep = createStep(
  claimGuestPurchasesStepId,
  async (input: ClaimGuestPurchasesInput, { container }) => {
    const moved: Moved = { customer_id: input.customer_id, orders: [], invoices: [], service_orders: [], subscriptions: [], license_keys: [] }
    if (!input.guest_customer_ids.length) {
      return new StepResponse<ClaimedPurchases, Moved>({ orders: 0, invoices: 0, service_orders: 0, subscriptions: 0, license_keys: 0 }, moved)
    }
    const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const serviceOrders = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
    const from = { customer_id: input.guest_customer_ids }

    const guestOrders = await orders.listOrders(from, { select: ["id", "customer_id"] })
    if (guestOrders.length) {
      await orders.updateOrders(guestOrders.map((o) => ({ id: o.id, customer_id: input.customer_id })))
      moved.orders = guestOrders.map((o) => ({ id: o.id, from: o.customer_id! }))
    }
    const guestInvoices = await invoices.listInvoices(from, { select: ["id", "customer_id"] })
    if (guestInvoices.length) {
      await invoices.updateInvoices(guestInvoices.map((i) => ({ id: i.id, customer_id: input.customer_id })))
      moved.invoices = guestInvoices.map((i) => ({ id: i.id, from: i.customer_id! }))
    }
    const guestServiceOrders = await serviceOrders.listServiceOrders(from, { select: ["id", "customer_id"] })
    if (guestServiceOrders.length) {
      await serviceOrders.updateServiceOrders(guestServiceOrders.map((s) => ({ id: s.id, customer_id: input.customer_id })))
      moved.service_orders = guestServiceOrders.map((s) => ({ id: s.id, from: s.customer_id! }))
    }
    const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const guestSubscriptions = await subscriptions.listSubscriptions(from, { select: ["id", "customer_id"] })
    if (guestSubscriptions.length) {
      await subscriptions.updateSubscriptions(guestSubscriptions.map((s) => ({ id: s.id, customer_id: input.customer_id })))
      moved.subscriptions = guestSubscriptions.map((s) => ({ id: s.id, from: s.customer_id! }))
    }
    const entitlements = container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
    const guestKeys = await entitlements.listLicenseKeys(from, { select: ["id", "customer_id"] })
    if (guestKeys.length) {
      await entitlements.updateLicenseKeys(guestKeys.map((k) => ({ id: k.id, customer_id: input.customer_id })))
      moved.license_keys = guestKeys.map((k) => ({ id: k.id, from: k.customer_id! }))
    }
    return new StepResponse<ClaimedPurchases, Moved>(
      {
        orders: moved.orders.length,
        invoices: moved.invoices.length,
        service_orders: moved.service_orders.length,
        subscriptions: moved.subscriptions.length,
        license_keys: moved.license_keys?.length ?? 0,
      },
      moved
    )
  },
  async (moved, { container }) => {
    if (!moved) {
      return
    }
    const back = (rows: Moved1[]) => rows.map((r) => ({ id: r.id, customer_id: r.from }))
    if (moved.license_keys?.length) {
      await container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE).updateLicenseKeys(back(moved.license_keys))
    }
    if (moved.subscriptions?.length) {
      await container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE).updateSubscriptions(back(moved.subscriptions))
    }
    if (moved.service_orders.length) {
      await container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE).updateServiceOrders(back(moved.service_orders))
    }
    if (moved.invoices.length) {
      await container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE).updateInvoices(back(moved.invoices))
    }
    if (moved.orders.length) {
      await container.resolve<IOrderModuleService>(Modules.ORDER).updateOrders(back(moved.orders))
    }
  }
)
