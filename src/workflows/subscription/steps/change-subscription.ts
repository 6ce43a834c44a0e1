import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type { SubscriptionActorType, SubscriptionStatusType } from "../../../modules/subscription/constants"
import { unusedFraction } from "../../../modules/subscription/periods"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import { clock } from "../../../utils/clock"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"
import { currencyDigits } from "../../../utils/money"
import { LedgerReference } from "../../credit/constants"
import { storeCreditModule } from "../../credit/store-credit"

export const changeSubscriptionStepId = "portico-change-subscription-step"

/** A change a client or the merchant asks for. */
export type SubscriptionChangeRequest =
  /** Cancel now (optionally refunding the unused part of the paid period to account credit) or at the period end. */
  | { type: "cancel"; at_period_end?: boolean; refund_unused?: boolean; reason?: string | null }
  /** Take back a cancel set for the period end. */
  | { type: "undo_cancel" }
  /** No renewals until resumed (or until `resume_at`). */
  | { type: "pause"; resume_at?: Date | string | null }
  | { type: "resume" }
  /** Merchant: the next renewal at another date (the subscription is re-anchored there). */
  | { type: "move_renewal"; renewal_at: Date | string }
  /** Merchant (or new payment details): try the unpaid renewal again now. */
  | { type: "retry_renewal" }

/** Input of {@link changeSubscriptionStep} and `changeSubscriptionWorkflow`. */
export type ChangeSubscriptionInput = {
  id: string
  change: SubscriptionChangeRequest
  actor_type: SubscriptionActorType
  actor_id?: string | null
  note?: string | null
  /**
   * The client asking: the subscription must be theirs, else 404 (the
   * ownership rule holds for every caller that passes it, route or not).
   */
  customer_id?: string | null
}

/** What a change did. */
export type ChangedSubscription = {
  id: string
  from: SubscriptionStatusType
  to: SubscriptionStatusType
  action: string
  /** Account credit refunded for the unused part of the period (cancel now with `refund_unused`). */
  refund: { amount: number; currency_code: string } | null
  /** The change makes a renewal due now (resume after the period, retry). */
  renew_now: boolean
  voided_invoice_ids: string[]
}

function notFound(id: string) {
  return new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Subscription ${id} was not found.`)
}

function toDate(value: Date | string, field: string) {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw new PorticoError(MedusaError.Types.INVALID_DATA, PorticoErrorCode.INVALID_RENEWAL_DATE, `${field} is not a date.`, {
      field,
    })
  }
  return date
}

/**
 * Gives back what an open renewal took from account credit (its credit
 * returns when the renewal is canceled unpaid), once: the credit entry
 * carries the renewal as its reference.
 */
async function returnRenewalCredit(container: MedusaContainer, renewalId: string) {
  const storeCredit = storeCreditModule(container)
  const entries = await storeCredit.listAccountTransactions({ reference: LedgerReference.RENEWAL, reference_id: renewalId })
  const debit = entries.find((e) => e.type === "debit")
  if (!debit || entries.some((e) => e.type === "credit")) {
    return
  }
  await storeCredit.creditAccounts([
    {
      account_id: debit.account_id,
      amount: debit.amount as number,
      reference: LedgerReference.RENEWAL,
      reference_id: renewalId,
      note: "Renewal canceled: credit returned",
    },
  ])
}

/**
 * Applies a client's or the merchant's change to a subscription through the
 * subscription module (under its row lock, with a history row): cancel now
 * or at period end, undo the cancel, pause, resume, move the next renewal,
 * retry an unpaid renewal. Invalid changes (resume an active subscription,
 * cancel a canceled one) fail with 400 `invalid_subscription_transition`;
 * another client's subscription is a 404. Canceling or pausing voids the
 * invoices of renewals left unpaid and returns the credit they took. Cancel
 * now with `refund_unused` credits the client the unused part of the paid
 * period, pro rata by time (`unit_price × time left ÷ period length`,
 * rounded down to the currency's decimals), as a refund of the period's order.
 */
export const changeSubscriptionStep = createStep(
  changeSubscriptionStepId,
  async (input: ChangeSubscriptionInput, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const [sub] = await subscriptions.listSubscriptions({ id: input.id }, { take: 1 })
    if (!sub || (input.customer_id !== undefined && input.customer_id !== null && sub.customer_id !== input.customer_id)) {
      throw notFound(input.id)
    }
    const now = clock.now()
    const actor = { actor_type: input.actor_type, actor_id: input.actor_id ?? null, note: input.note ?? null }
    const change = input.change
    let result: ChangedSubscription
    const base = { refund: null, renew_now: false, voided_invoice_ids: [] as string[] }
    switch (change.type) {
      case "cancel": {
        const done = await subscriptions.cancel(input.id, {
          ...actor,
          at_period_end: !!change.at_period_end,
          reason: change.reason ?? null,
          now,
        })
        result = { ...base, id: done.id, from: done.from, to: done.to, action: done.action }
        result.voided_invoice_ids = await closeRenewals(container, done.canceled_renewals)
        if (!change.at_period_end && change.refund_unused && sub.customer_id) {
          result.refund = await refundUnused(container, sub, done.period, now)
        }
        break
      }
      case "undo_cancel": {
        const done = await subscriptions.undoCancel(input.id, { ...actor, now })
        result = { ...base, id: done.id, from: done.from, to: done.to, action: done.action }
        break
      }
      case "pause": {
        const done = await subscriptions.pause(input.id, {
          ...actor,
          now,
          resume_at: change.resume_at ? toDate(change.resume_at, "resume_at") : null,
        })
        result = { ...base, id: done.id, from: done.from, to: done.to, action: done.action }
        result.voided_invoice_ids = await closeRenewals(container, done.canceled_renewals)
        break
      }
      case "resume": {
        const done = await subscriptions.resume(input.id, { ...actor, now })
        result = { ...base, id: done.id, from: done.from, to: done.to, action: done.action, renew_now: done.renew_now }
        break
      }
      case "move_renewal": {
        const done = await subscriptions.moveRenewal(input.id, { ...actor, at: toDate(change.renewal_at, "renewal_at"), now })
        result = { ...base, id: done.id, from: done.from, to: done.to, action: done.action }
        break
      }
      case "retry_renewal": {
        await subscriptions.retryRenewalNow(input.id, { ...actor, now })
        result = { ...base, id: sub.id, from: sub.status, to: sub.status, action: "retry_renewal", renew_now: true }
        break
      }
    }
    return new StepResponse(result)
  }
)

async function closeRenewals(container: MedusaContainer, renewals: { id: string; invoice_id: string | null }[]) {
  const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
  const voided: string[] = []
  for (const renewal of renewals) {
    await returnRenewalCredit(container, renewal.id)
    if (renewal.invoice_id && (await invoices.voidInvoice(renewal.invoice_id)).transitioned) {
      voided.push(renewal.invoice_id)
    }
  }
  return voided
}

async function refundUnused(
  container: MedusaContainer,
  sub: { id: string; customer_id: string | null; currency_code: string; unit_price: unknown; order_id: string },
  period: { start: Date; end: Date },
  now: Date
) {
  const digits = currencyDigits(sub.currency_code) ?? 2
  const factor = 10 ** digits
  const amount = Math.floor(Number(sub.unit_price) * unusedFraction(period.start, period.end, now) * factor) / factor
  if (amount <= 0 || !sub.customer_id) {
    return null
  }
  // The period's order: the last paid renewal's, else the first purchase.
  const [last] = await container
    .resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    .listSubscriptionRenewals(
      { subscription_id: sub.id, status: "paid" },
      { select: ["order_id", "period"], order: { period: "DESC" }, take: 1 }
    )
  const orderId = last?.order_id ?? sub.order_id
  const storeCredit = storeCreditModule(container)
  let [account] = await storeCredit.listStoreCreditAccounts({ customer_id: sub.customer_id, currency_code: sub.currency_code })
  if (!account) {
    account = await storeCredit.createStoreCreditAccounts({ customer_id: sub.customer_id, currency_code: sub.currency_code })
  }
  await storeCredit.creditAccounts([
    {
      account_id: account.id,
      amount,
      reference: LedgerReference.ORDER,
      reference_id: orderId,
      note: "Subscription canceled: unused part of the period",
    },
  ])
  await container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE).addCreditRefund(orderId, amount)
  return { amount, currency_code: sub.currency_code }
}
