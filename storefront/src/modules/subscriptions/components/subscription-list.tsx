import Link from "next/link"
import { nextStep, paymentMethodText, pricePerPeriod, subscriptionTitle, type Subscription } from "@lib/util/subscriptions"
import SubscriptionStatus from "./subscription-status"

/**
 * The client's subscriptions, one row each: the service, its status, the
 * price per period, what happens next (the next renewal's date and amount,
 * "Cancels on …", paused, canceled) and the card that pays; a row opens the
 * subscription.
 */
export default function SubscriptionList({ subscriptions }: { subscriptions: Subscription[] }) {
  return (
    <ul className="card divide-y divide-line" data-testid="subscriptions">
      {subscriptions.map((s) => (
        <li key={s.id}>
          <Link
            href={`/portal/subscriptions/${encodeURIComponent(s.id)}`}
            className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 p-4 hover:bg-gray-50 sm:grid-cols-[minmax(10rem,1fr)_minmax(12rem,1.2fr)_auto]"
            data-testid="subscription-row"
            data-id={s.id}
            data-status={s.status}
          >
            <span className="min-w-0">
              <span className="block font-semibold" data-testid="subscription-row-title">
                {subscriptionTitle(s)}
              </span>
              <span className="block text-sm text-ink-soft" data-testid="subscription-row-price">
                {pricePerPeriod(s)}
              </span>
            </span>
            <span className="justify-self-end sm:order-last">
              <SubscriptionStatus status={s.status} />
            </span>
            <span className="col-span-2 min-w-0 text-sm sm:col-span-1">
              <span
                className={`block ${s.cancel_at_period_end || s.status === "past_due" ? "font-medium text-amber-900" : "text-ink"}`}
                data-testid="subscription-row-next"
              >
                {nextStep(s)}
              </span>
              <span className="block text-ink-soft" data-testid="subscription-row-card">
                {paymentMethodText(s)}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
