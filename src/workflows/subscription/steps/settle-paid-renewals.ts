import type { IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import { type PlacedRenewal, placeRenewalOrder } from "./place-renewal-order"

export const settlePaidRenewalsStepId = "portico-settle-paid-renewals-step"

/**
 * Before a subscription is changed (canceled, paused, moved): an unpaid
 * renewal whose payment did go through (a charge that succeeded before a
 * crash, a portal payment whose completion never came) is settled first, its
 * order placed, so a cancel never leaves a client charged for a period that
 * has no order. Returns what was settled (their invoices' paid events are
 * the workflow's to emit). No compensation: a paid renewal is finished forward.
 */
export const settlePaidRenewalsStep = createStep(settlePaidRenewalsStepId, async (input: { id: string }, { container }) => {
  const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const open = await subscriptions.listSubscriptionRenewals(
    { subscription_id: input.id, status: ["pending", "retrying", "requires_action"] },
    { select: ["id", "payment_collection_id"] }
  )
  const placed: PlacedRenewal[] = []
  for (const renewal of open) {
    if (!renewal.payment_collection_id) {
      continue
    }
    const sessions = await payments.listPaymentSessions({ payment_collection_id: renewal.payment_collection_id })
    if (sessions.some((s) => s.status === "authorized" || s.status === "captured")) {
      placed.push(
        await placeRenewalOrder(container, { renewal_id: renewal.id, paid: true, payment_collection_id: renewal.payment_collection_id })
      )
    }
  }
  return new StepResponse(placed)
})
