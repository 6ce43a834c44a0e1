import type { IOrderModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import { clock } from "../../../utils/clock"
import { LedgerReference } from "../../credit/constants"

export const placeRenewalOrderStepId = "portico-place-renewal-order-step"

/** What placing a paid renewal did. */
export type PlacedRenewal = {
  renewal_id: string | null
  subscription_id: string | null
  order_id: string | null
  invoice_id: string | null
  period: number | null
  /** This run moved the invoice to `paid` (its event is emitted once). */
  invoice_paid: boolean
  /** This run completed the renewal (the subscription moved to the new period). */
  completed: boolean
}

/** The order id of a renewal: derived from the renewal, so a rerun finds the order instead of placing another. */
export const renewalOrderId = (renewalId: string) => `order_${renewalId.replace(/^subren_/, "")}`

/**
 * Once a renewal is paid (credit, card or both): places the period's Medusa
 * order (so it is in Medusa's orders and reports) with the subscription's
 * price as a custom-priced line, the credit as an order credit line and the
 * renewal's payment collection linked, then marks the renewal's invoice paid
 * and moves the subscription to the new period. Each part is idempotent: the
 * order id is derived from the renewal (a rerun finds it), the invoice moves
 * to `paid` once, and the renewal completes once. No compensation: a paid
 * renewal is finished forward, never undone.
 */
export const placeRenewalOrderStep = createStep(
  placeRenewalOrderStepId,
  async (input: { renewal_id: string | null; paid: boolean; payment_collection_id: string | null }, { container }) =>
    new StepResponse(await placeRenewalOrder(container, input))
)

/** What {@link placeRenewalOrderStep} does, for steps that settle a paid renewal on their way (a cancel). */
export async function placeRenewalOrder(
  container: MedusaContainer,
  input: { renewal_id: string | null; paid: boolean; payment_collection_id: string | null }
): Promise<PlacedRenewal> {
  {
    const none: PlacedRenewal = {
      renewal_id: input.renewal_id,
      subscription_id: null,
      order_id: null,
      invoice_id: null,
      period: null,
      invoice_paid: false,
      completed: false,
    }
    if (!input.renewal_id || !input.paid) {
      return none
    }
    const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const renewal = await subscriptions.getRenewal(input.renewal_id)
    if (!renewal || renewal.status === "canceled" || renewal.status === "failed") {
      return none
    }
    const sub = await subscriptions.retrieveSubscription(renewal.subscription_id)
    const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
    const orderId = renewal.order_id ?? renewalOrderId(renewal.id)
    const [existing] = await orders.listOrders({ id: orderId }, { select: ["id"] })
    if (!existing) {
      const credit = Number(renewal.credit_amount ?? 0)
      await createOrderWorkflow(container).run({
        input: {
          id: orderId,
          region_id: sub.region_id ?? undefined,
          sales_channel_id: sub.sales_channel_id ?? undefined,
          customer_id: sub.customer_id ?? undefined,
          email: sub.email ?? undefined,
          currency_code: sub.currency_code,
          items: [
            {
              title: sub.title,
              variant_id: sub.variant_id ?? undefined,
              product_id: sub.product_id ?? undefined,
              variant_title: sub.variant_title ?? undefined,
              quantity: 1,
              unit_price: Number(renewal.amount),
              requires_shipping: false,
              metadata: { portico_subscription_id: sub.id, portico_renewal_id: renewal.id, period: renewal.period },
            },
          ],
          credit_lines:
            credit > 0
              ? [{ amount: credit, reference: LedgerReference.RENEWAL, reference_id: renewal.id }]
              : [],
          metadata: { portico_subscription_id: sub.id, portico_renewal_id: renewal.id, period: renewal.period },
        } as never,
      })
    }
    if (input.payment_collection_id) {
      const link = container.resolve(ContainerRegistrationKeys.LINK)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: linked } = await query.graph({
        entity: "order_payment_collection",
        fields: ["order_id"],
        filters: { payment_collection_id: input.payment_collection_id },
      })
      if (!linked.length) {
        await link.create({
          [Modules.ORDER]: { order_id: orderId },
          [Modules.PAYMENT]: { payment_collection_id: input.payment_collection_id },
        })
      }
    }
    const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    let invoicePaid = false
    if (renewal.invoice_id) {
      await invoices.settleRenewalInvoice(renewal.invoice_id, { order_id: orderId })
      invoicePaid = (await invoices.markPaid(renewal.invoice_id)).transitioned
    }
    const done = await subscriptions.completeRenewal(renewal.id, { order_id: orderId, now: clock.now() })
    return {
      renewal_id: renewal.id,
      subscription_id: sub.id,
      order_id: orderId,
      invoice_id: renewal.invoice_id,
      period: renewal.period,
      invoice_paid: invoicePaid,
      completed: done.completed,
    }
  }
}
