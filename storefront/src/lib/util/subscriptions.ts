import type {
  RenewalStatusType,
  StoreSubscriptionResponse,
  SubscriptionRenewalView,
  SubscriptionStatusType,
  SubscriptionView,
} from "medusa-plugin-portico/contracts"
import { formatMoney } from "./money"

/** A subscription in the portal's list (`GET /store/portico/subscriptions`). */
export type Subscription = SubscriptionView

/** A subscription with its renewals, newest first (`GET /store/portico/subscriptions/:id`). */
export type SubscriptionDetail = StoreSubscriptionResponse["subscription"]

/** One renewal (a billing period) of a subscription. */
export type Renewal = SubscriptionRenewalView

export type SubscriptionStatus = SubscriptionStatusType

/** The subscription statuses in words, in the order the portal's filters list them. */
export const SUBSCRIPTION_STATUS_LABELS: Record<SubscriptionStatusType, string> = {
  active: "Active",
  past_due: "Payment due",
  paused: "Paused",
  canceled: "Canceled",
  ended: "Ended",
}

/** The renewal statuses in words. */
export const RENEWAL_STATUS_LABELS: Record<RenewalStatusType, string> = {
  pending: "Being paid",
  retrying: "Payment failed",
  requires_action: "Needs your payment",
  paid: "Paid",
  failed: "Unpaid",
  canceled: "Canceled",
}

/** A renewal the client can pay in the portal (Stripe card, 3-D Secure in Stripe's dialog). */
export function isPayable(renewal: Pick<Renewal, "status">): boolean {
  return renewal.status === "requires_action" || renewal.status === "retrying"
}

/** A subscription that still renews or can again (not canceled nor ended). */
export function isLive(s: Pick<Subscription, "status">): boolean {
  return s.status === "active" || s.status === "past_due" || s.status === "paused"
}

/** A date as the portal prints it, in UTC like the billing periods ("Jan 31, 2027"); "—" when absent. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) {
    return "—"
  }
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) {
    return "—"
  }
  return date.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })
}

/** "month", "3 months": one billing period. */
export function periodLength(s: Pick<Subscription, "interval" | "interval_count">): string {
  const n = s.interval_count || 1
  return n === 1 ? s.interval : `${n} ${s.interval}s`
}

/** The price of a period: "$900.00 / month". */
export function pricePerPeriod(s: Pick<Subscription, "unit_price" | "currency_code" | "interval" | "interval_count">): string {
  return `${formatMoney(s.unit_price, s.currency_code)} / ${periodLength(s)}`
}

/** "Sep 2, 2026 – Oct 2, 2026". */
export function periodRange(start: string, end: string): string {
  return `${formatDay(start)} – ${formatDay(end)}`
}

/** The service's name, with its option when it has one ("Logo design (Premium)"). */
export function subscriptionTitle(s: Pick<Subscription, "title" | "variant_title">): string {
  const variant = s.variant_title && s.variant_title !== "Default" && s.variant_title !== "Default variant" ? s.variant_title : null
  return variant ? `${s.title} (${variant})` : s.title
}

/** "Visa •••• 4242" from the backend's "visa •••• 4242". */
export function cardLabel(label: string | null | undefined): string | null {
  if (!label) {
    return null
  }
  return label.charAt(0).toUpperCase() + label.slice(1)
}

/**
 * How the renewals are paid, in words: the card's label, "Saved card" when
 * the backend knows a card but not its digits, and otherwise that the client
 * receives an invoice to pay.
 */
export function paymentMethodText(s: Pick<Subscription, "payment_method_label" | "has_saved_card">): string {
  return cardLabel(s.payment_method_label) ?? (s.has_saved_card ? "Saved card" : "No card saved: each renewal is invoiced for you to pay")
}

/**
 * Where the subscription stands next, in a sentence: "Renews on Oct 2, 2026
 * for $900.00", "Cancels on Oct 2, 2026", "Paused, resumes on …", "Canceled on …".
 */
export function nextStep(s: Subscription): string {
  switch (s.status) {
    case "canceled":
      return s.canceled_at ? `Canceled on ${formatDay(s.canceled_at)}` : "Canceled"
    case "ended":
      return s.ended_at ? `Ended on ${formatDay(s.ended_at)}` : "Ended: all its payments are made"
    case "paused":
      return s.resume_at ? `Paused, resumes on ${formatDay(s.resume_at)}` : "Paused until you resume it"
  }
  if (s.cancel_at_period_end) {
    return `Cancels on ${formatDay(s.current_period_end)}`
  }
  if (s.status === "past_due") {
    return "A renewal is unpaid"
  }
  if (s.next_renewal_at) {
    return `Renews on ${formatDay(s.next_renewal_at)} for ${formatMoney(s.next_renewal_amount ?? s.unit_price, s.currency_code)}`
  }
  return "No further renewals"
}

/**
 * A date field's value (`YYYY-MM-DD`, the client's calendar day) as the
 * instant the backend takes: the start of that day in UTC, like the portal
 * prints dates; undefined when empty or not a date.
 */
export function dayToIso(value: string | null | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec((value ?? "").trim())
  if (!m) {
    return undefined
  }
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  if (date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    return undefined
  }
  return date.toISOString()
}
