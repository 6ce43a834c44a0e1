import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type {
  AdminSubscriptionResponse,
  SubscriptionAttemptView,
  SubscriptionHistoryView,
  SubscriptionView,
} from "../../contracts/http"
import type {
  RenewalStatusType,
  SubscriptionActorType,
  SubscriptionHistoryAction,
  SubscriptionStatusType,
} from "../../contracts/statuses"
import { portico } from "./api"
import { formatDate, formatMoney } from "./format"
import { porticoKeys } from "./query-keys"
import { sdk } from "./sdk"

export type SubscriptionStatus = SubscriptionStatusType
export type RenewalStatus = RenewalStatusType
/** A subscription as the admin's detail route answers it: with renewals (and their attempts) and history. */
export type AdminSubscription = AdminSubscriptionResponse["subscription"]
/** One renewal of {@link AdminSubscription}, with its charge attempts. */
export type AdminRenewal = AdminSubscription["renewals"][number]
export type { SubscriptionAttemptView, SubscriptionHistoryView, SubscriptionView }
export { SUBSCRIPTION_STATUSES } from "../../contracts/statuses"

type BadgeColor = "grey" | "red" | "green" | "blue" | "orange" | "purple"

/** Badge colour and label of each subscription status. */
export const SUBSCRIPTION_STATUS: Record<SubscriptionStatus, { label: string; color: BadgeColor }> = {
  active: { label: "Active", color: "green" },
  past_due: { label: "Past due", color: "orange" },
  paused: { label: "Paused", color: "blue" },
  canceled: { label: "Canceled", color: "grey" },
  ended: { label: "Ended", color: "grey" },
}

/** Badge colour and label of each renewal status. */
export const RENEWAL_STATUS: Record<RenewalStatus, { label: string; color: BadgeColor }> = {
  pending: { label: "Being paid", color: "blue" },
  retrying: { label: "Retrying", color: "orange" },
  requires_action: { label: "Needs the client", color: "orange" },
  paid: { label: "Paid", color: "green" },
  failed: { label: "Failed", color: "red" },
  canceled: { label: "Canceled", color: "grey" },
}

/** Badge colour and label of a charge attempt's outcome. */
export const ATTEMPT_OUTCOME: Record<SubscriptionAttemptView["status"], { label: string; color: BadgeColor }> = {
  succeeded: { label: "Succeeded", color: "green" },
  failed: { label: "Declined", color: "red" },
  requires_action: { label: "Needs the client", color: "orange" },
}

/** What a history entry records, in the merchant's words. */
export const HISTORY_ACTION: Record<SubscriptionHistoryAction, string> = {
  created: "Subscribed",
  renewed: "Renewed",
  payment_failed: "Renewal charge failed",
  payment_requires_action: "Renewal waits for the client",
  canceled: "Canceled",
  cancel_scheduled: "Set to cancel at period end",
  cancel_undone: "Cancel undone",
  paused: "Paused",
  resumed: "Resumed",
  ended: "Ended: billing cycles used up",
  renewal_moved: "Next renewal moved",
  payment_method_updated: "Payment method changed",
  claimed: "Claimed by the client's account",
}

/** Who changed a subscription. */
export const SUBSCRIPTION_ACTOR: Record<SubscriptionActorType, string> = {
  system: "System",
  customer: "Client",
  user: "Merchant",
}

/**
 * What the codes a renewal is left unpaid with mean (the others are the
 * payment provider's decline codes, shown as they are).
 */
export const RENEWAL_CODE_HINT: Record<string, string> = {
  no_payment_method: "no saved card, so the client pays the renewal's invoice from the portal",
  manual_payment: "bought by bank transfer, so the renewal's invoice waits for the client's payment",
  payment_requires_action: "the bank asks the client to confirm the charge (3-D Secure) in the portal",
}

/** Renewals still being paid: the one a retry charges, the one that blocks moving the renewal date. */
const OPEN_RENEWAL: RenewalStatus[] = ["pending", "retrying", "requires_action"]

type Billing = Pick<SubscriptionView, "interval" | "interval_count">

/** One billing period: "month", "3 months". */
export function periodLabel({ interval, interval_count }: Billing) {
  return interval_count === 1 ? interval : `${interval_count} ${interval}s`
}

/** How often it renews: "every month", "every 3 months". */
export function intervalLabel(s: Billing) {
  return `every ${periodLabel(s)}`
}

/** The price of a period: "$25.00 / month", "$75.00 every 3 months". */
export function priceLabel(s: Billing & Pick<SubscriptionView, "unit_price" | "currency_code">) {
  const price = formatMoney(s.unit_price, s.currency_code)
  return s.interval_count === 1 ? `${price} / ${s.interval}` : `${price} ${intervalLabel(s)}`
}

/** Billing cycles paid: "3 of 12", or "3" for a subscription that renews until canceled. */
export function cyclesLabel(s: Pick<SubscriptionView, "cycles_paid" | "billing_cycles">) {
  return s.billing_cycles ? `${s.cycles_paid} of ${s.billing_cycles}` : `${s.cycles_paid} (until canceled)`
}

/** A period as two local dates: "Jan 31, 2026 – Feb 28, 2026". */
export function periodRange(start: string, end: string) {
  return `${formatDate(start)} – ${formatDate(end)}`
}

/**
 * What the "next renewal" of a subscription says: its date; "Cancels on …"
 * when it is set to cancel at the period end; "Resumes on …" / "Paused";
 * "Overdue since …" while a renewal is unpaid; "—" when nothing more will be
 * charged.
 */
export function nextRenewalLabel(
  s: Pick<SubscriptionView, "status" | "cancel_at_period_end" | "current_period_end" | "next_renewal_at" | "resume_at">
) {
  if (s.status === "canceled" || s.status === "ended") {
    return "—"
  }
  if (s.cancel_at_period_end) {
    return `Cancels on ${formatDate(s.current_period_end)}`
  }
  if (s.status === "paused") {
    return s.resume_at ? `Resumes on ${formatDate(s.resume_at)}` : "Paused"
  }
  if (s.status === "past_due" && s.next_renewal_at) {
    return `Overdue since ${formatDate(s.next_renewal_at)}`
  }
  return s.next_renewal_at ? formatDate(s.next_renewal_at) : "—"
}

/** How renewals are paid: the saved card's label, or "Invoiced" when the client pays each renewal themselves. */
export function paymentMethodLabel(s: Pick<SubscriptionView, "payment_method_label">) {
  return s.payment_method_label ?? "Invoiced"
}

/** The subscription's renewal still being paid (retried, or waiting for the client), if any. */
export function openRenewal(sub: AdminSubscription): AdminRenewal | undefined {
  return sub.renewals.find((r) => OPEN_RENEWAL.includes(r.status))
}

/** A change the merchant can make from the subscription page. */
export type SubscriptionAction =
  | "cancel_now"
  | "cancel_at_period_end"
  | "undo_cancel"
  | "pause"
  | "resume"
  | "move_renewal"
  | "retry_renewal"

/**
 * The changes that make sense for a subscription as it is (the server's
 * rules; it still has the last word): nothing for a canceled or ended one;
 * pause and cancel while it renews; undo a cancel set for the period end;
 * resume a paused one; retry an unpaid renewal; move the next renewal when
 * none is being paid.
 */
export function availableActions(sub: AdminSubscription): SubscriptionAction[] {
  const open = !!openRenewal(sub)
  switch (sub.status) {
    case "active":
      return sub.cancel_at_period_end
        ? ["undo_cancel", ...(open ? (["retry_renewal"] as const) : []), "pause", "cancel_now"]
        : [...(open ? (["retry_renewal"] as const) : (["move_renewal"] as const)), "pause", "cancel_at_period_end", "cancel_now"]
    case "past_due":
      return [...(open ? (["retry_renewal"] as const) : []), "pause", "cancel_now"]
    case "paused":
      return ["resume", ...(open ? [] : (["move_renewal"] as const)), "cancel_now"]
    default:
      return []
  }
}

/** The admin list's filters, as `GET /admin/portico/subscriptions` takes them. */
export type SubscriptionQuery = {
  status?: SubscriptionStatus[]
  customer_id?: string
  product_id?: string
  limit: number
  offset: number
}

/** A page of subscriptions, newest first. */
export function useSubscriptions(query: SubscriptionQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...porticoKeys.subscriptions, "list", query],
    queryFn: () => portico.admin.subscriptions.list(query),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })
}

/** One subscription with its renewals, their charge attempts and the history. */
export function useSubscription(id: string | undefined) {
  return useQuery({
    queryKey: porticoKeys.subscription(id ?? ""),
    queryFn: () => portico.admin.subscriptions.retrieve(id!),
    enabled: !!id,
  })
}

/**
 * The display numbers (`#12`) of Medusa orders, by id: the first order and
 * the renewals' orders of a subscription. A failure only loses the numbers
 * (the links then say "View order").
 */
export function useOrderNumbers(orderIds: string[]) {
  const ids = [...new Set(orderIds)].sort()
  return useQuery({
    queryKey: ["portico", "order-numbers", ids],
    queryFn: async () => {
      const { orders } = await sdk.admin.order.list({ id: ids, fields: "id,display_id", limit: ids.length })
      return new Map(orders.map((o) => [o.id, o.display_id as number]))
    },
    enabled: ids.length > 0,
    staleTime: Infinity,
  })
}
