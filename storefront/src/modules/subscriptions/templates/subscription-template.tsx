import Link from "next/link"
import { formatMoney } from "@lib/util/money"
import {
  formatDay,
  isLive,
  isPayable,
  nextStep,
  paymentMethodText,
  periodRange,
  pricePerPeriod,
  subscriptionTitle,
  type SubscriptionDetail,
} from "@lib/util/subscriptions"
import { PayRenewal, UpdateCard, type CardHolder } from "../components/card-actions"
import SubscriptionControls from "../components/subscription-controls"
import SubscriptionStatus, { RenewalStatus } from "../components/subscription-status"

/** Why a renewal is unpaid, in words. */
function unpaidReason(r: SubscriptionDetail["renewals"][number]): string {
  if (r.status === "retrying") {
    return r.next_attempt_at
      ? `Your card was declined. We will try again on ${formatDay(r.next_attempt_at)}, or pay it now with another card.`
      : "Your card was declined. Pay it now with another card."
  }
  switch (r.last_error_code) {
    case "payment_requires_action":
    case "authentication_required":
      return "Your bank asks you to confirm this payment."
    case "no_payment_method":
      return "No card is saved for this subscription."
    case "manual_payment":
      return "It waits for your bank transfer (see the invoice), or pay it by card now."
    default:
      return "It waits for your payment."
  }
}

/**
 * One subscription for its client: status, price, the current period and
 * the next renewal, the card that pays (with "Update card" when card
 * payments are configured), unpaid renewals to pay now, the controls
 * (cancel, undo, pause, resume) and every renewal with its invoice.
 */
export default function SubscriptionTemplate({
  subscription: s,
  stripeKey,
  holder,
}: {
  subscription: SubscriptionDetail
  /** Stripe's publishable key; without it, no card field is offered. */
  stripeKey?: string
  holder: CardHolder
}) {
  const unpaid = s.renewals.filter(isPayable)
  const facts: { label: string; value: React.ReactNode; testId: string }[] = [
    { label: "Price", value: pricePerPeriod(s), testId: "subscription-price" },
    { label: "Current period", value: periodRange(s.current_period_start, s.current_period_end), testId: "subscription-period" },
    s.cancel_at_period_end && isLive(s)
      ? { label: "Ends on", value: formatDay(s.current_period_end), testId: "subscription-next" }
      : {
          label: "Next renewal",
          value: s.next_renewal_at
            ? `${formatDay(s.next_renewal_at)} · ${formatMoney(s.next_renewal_amount ?? s.unit_price, s.currency_code)}`
            : nextStep(s),
          testId: "subscription-next",
        },
    ...(s.billing_cycles
      ? [{ label: "Payments", value: `${s.cycles_paid} of ${s.billing_cycles} made`, testId: "subscription-cycles" }]
      : []),
    { label: "Started", value: formatDay(s.created_at), testId: "subscription-started" },
  ]
  return (
    <div className="mt-6 flex flex-col gap-6" data-testid="subscription-detail" data-status={s.status}>
      <div>
        <h2 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
          <span data-testid="subscription-title">{subscriptionTitle(s)}</span>
          <SubscriptionStatus status={s.status} />
        </h2>
        <p className="mt-1 text-sm text-ink-soft" data-testid="subscription-summary">
          {nextStep(s)}
          {" · "}
          <Link href={`/portal/orders/${encodeURIComponent(s.order_id)}`} className="font-medium text-brand underline">
            First purchase
          </Link>
        </p>
      </div>

      {unpaid.length && isLive(s) ? (
        <section className="flex flex-col gap-3" aria-labelledby="unpaid-title" data-testid="unpaid-renewals">
          <h2 id="unpaid-title" className="sr-only">
            Unpaid renewals
          </h2>
          {unpaid.map((r) => (
            <div
              key={r.id}
              className="flex flex-col gap-3 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
              data-testid="unpaid-renewal"
              data-renewal={r.id}
            >
              <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
                <p>
                  The renewal for <strong>{periodRange(r.period_start, r.period_end)}</strong>,{" "}
                  <strong>{formatMoney(r.amount - r.credit_amount, r.currency_code)}</strong>, is unpaid. {unpaidReason(r)}
                  {r.invoice_number ? (
                    <>
                      {" "}
                      <Link href={`/portal/invoices/${encodeURIComponent(r.invoice_number)}`} className="font-semibold underline">
                        Invoice {r.invoice_number}
                      </Link>
                    </>
                  ) : null}
                </p>
                {stripeKey ? null : <span className="text-ink-soft">Card payments are not available here: contact us to pay.</span>}
              </div>
              {stripeKey ? <PayRenewal subscriptionId={s.id} renewal={r} publishableKey={stripeKey} holder={holder} /> : null}
            </div>
          ))}
        </section>
      ) : null}

      <div className="grid gap-6 md:grid-cols-[1fr_22rem]">
        <section className="card p-5" aria-labelledby="summary-title">
          <h2 id="summary-title" className="text-lg font-semibold">
            Details
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-3 text-sm sm:grid-cols-[10rem_1fr] sm:gap-x-6">
            {facts.map((f) => (
              <div key={f.testId} className="contents">
                <dt className="text-ink-soft">{f.label}</dt>
                <dd className="font-medium" data-testid={f.testId}>
                  {f.value}
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card flex h-fit flex-col gap-3 p-5" aria-labelledby="card-title">
          <h2 id="card-title" className="text-lg font-semibold">
            Payment method
          </h2>
          <p className="text-sm" data-testid="subscription-card">
            {paymentMethodText(s)}
          </p>
          {stripeKey && isLive(s) ? (
            <UpdateCard subscriptionId={s.id} publishableKey={stripeKey} holder={holder} hasCard={s.has_saved_card} />
          ) : null}
        </section>
      </div>

      <SubscriptionControls subscription={s} />

      <section className="card overflow-hidden" aria-labelledby="renewals-title">
        <h2 id="renewals-title" className="px-5 pt-5 text-lg font-semibold">
          Renewals
        </h2>
        {s.renewals.length ? (
          <table className="mt-3 w-full text-left text-sm" data-testid="renewals">
            <caption className="sr-only">Renewals of {subscriptionTitle(s)}</caption>
            <thead className="hidden border-y border-line bg-gray-50 text-xs uppercase tracking-wide text-ink-faint sm:table-header-group">
              <tr>
                <th scope="col" className="px-5 py-3 font-semibold">Period</th>
                <th scope="col" className="px-5 py-3 font-semibold">Status</th>
                <th scope="col" className="px-5 py-3 text-right font-semibold">Amount</th>
                <th scope="col" className="px-5 py-3 text-right font-semibold">Credit used</th>
                <th scope="col" className="px-5 py-3 font-semibold">Invoice</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line border-t border-line sm:border-t-0">
              {s.renewals.map((r) => (
                <tr key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 sm:table-row sm:p-0" data-testid="renewal" data-status={r.status}>
                  <td className="w-full sm:w-auto sm:px-5 sm:py-3" data-testid="renewal-period">
                    {periodRange(r.period_start, r.period_end)}
                  </td>
                  <td className="sm:px-5 sm:py-3">
                    <RenewalStatus status={r.status} />
                  </td>
                  <td className="tabular-nums sm:px-5 sm:py-3 sm:text-right" data-testid="renewal-amount">
                    {formatMoney(r.amount, r.currency_code)}
                  </td>
                  <td className="tabular-nums text-ink-soft sm:px-5 sm:py-3 sm:text-right" data-testid="renewal-credit">
                    <span className="sm:hidden">Credit used </span>
                    {r.credit_amount ? formatMoney(r.credit_amount, r.currency_code) : "—"}
                  </td>
                  <td className="sm:px-5 sm:py-3">
                    {r.invoice_number ? (
                      <Link
                        href={`/portal/invoices/${encodeURIComponent(r.invoice_number)}`}
                        className="font-medium text-brand underline"
                        data-testid="renewal-invoice"
                      >
                        {r.invoice_number}
                      </Link>
                    ) : (
                      <span className="text-ink-soft">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="px-5 pb-5 pt-2 text-sm text-ink-soft" data-testid="no-renewals">
            No renewals yet: the first period was paid with your purchase
            {s.next_renewal_at ? `; the next renewal is on ${formatDay(s.next_renewal_at)}` : ""}.
          </p>
        )}
      </section>
    </div>
  )
}
