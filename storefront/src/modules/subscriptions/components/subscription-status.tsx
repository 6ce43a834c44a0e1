import { RENEWAL_STATUS_LABELS, SUBSCRIPTION_STATUS_LABELS, type Renewal, type SubscriptionStatus as Status } from "@lib/util/subscriptions"

const TONES: Record<Status, string> = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  past_due: "bg-amber-50 text-amber-900 ring-amber-200",
  paused: "bg-sky-50 text-sky-800 ring-sky-200",
  canceled: "bg-gray-100 text-ink-soft ring-gray-200",
  ended: "bg-gray-100 text-ink-soft ring-gray-200",
}

const RENEWAL_TONES: Record<Renewal["status"], string> = {
  paid: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  pending: "bg-sky-50 text-sky-800 ring-sky-200",
  retrying: "bg-amber-50 text-amber-900 ring-amber-200",
  requires_action: "bg-amber-50 text-amber-900 ring-amber-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
  canceled: "bg-gray-100 text-ink-soft ring-gray-200",
}

const BADGE = "inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset"

/** A subscription's status as a small coloured label ("Active", "Payment due"). */
export default function SubscriptionStatus({ status, className = "" }: { status: Status; className?: string }) {
  return (
    <span className={`${BADGE} ${TONES[status] ?? TONES.canceled} ${className}`} data-testid="subscription-status" data-status={status}>
      {SUBSCRIPTION_STATUS_LABELS[status] ?? status}
    </span>
  )
}

/** A renewal's status as a small coloured label ("Paid", "Needs your payment"). */
export function RenewalStatus({ status }: { status: Renewal["status"] }) {
  return (
    <span className={`${BADGE} ${RENEWAL_TONES[status] ?? RENEWAL_TONES.canceled}`} data-testid="renewal-status" data-status={status}>
      {RENEWAL_STATUS_LABELS[status] ?? status}
    </span>
  )
}
