import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { listCreditAccounts } from "@lib/data/credit"
import { retrieveCustomer } from "@lib/data/customer"
import { listEntitlements } from "@lib/data/entitlements"
import { listInvoices, retrieveOrderInvoice } from "@lib/data/invoices"
import { listOrders } from "@lib/data/orders"
import { listServiceOrders } from "@lib/data/service-orders"
import { listSubscriptions, retrieveSubscription } from "@lib/data/subscriptions"
import { downloadsSummary } from "@lib/util/entitlements"
import { serviceOrderTitle, unitLabel } from "@lib/util/intake"
import { formatMoney } from "@lib/util/money"
import { loginHref } from "@lib/util/portal"
import { isPayable, periodRange, subscriptionTitle } from "@lib/util/subscriptions"
import OrderList from "@modules/portal/components/order-list"
import PortalShell from "@modules/portal/components/portal-shell"
import SubscriptionList from "@modules/subscriptions/components/subscription-list"

export const metadata: Metadata = { title: "Your purchases", robots: { index: false } }

const RECENT = 10

/**
 * The portal's overview: first what needs the client (briefs to fill in,
 * invoices to pay, subscriptions with an unpaid renewal), then their account
 * credit, their running subscriptions, their files and license keys (a line
 * to "Files & keys") and most recent purchases.
 */
export default async function PortalPage({ searchParams }: { searchParams: Promise<{ email?: string | string[] }> }) {
  const customer = await retrieveCustomer()
  if (!customer) {
    // The portal link of the store's emails (`/portal?email=…`): the login form with the email filled in.
    const { email } = await searchParams
    redirect(loginHref(undefined, Array.isArray(email) ? email[0] : email))
  }
  const none = { invoices: [], count: 0 }
  const [{ orders }, accounts, pending, unpaid, recentInvoices, running, downloads] = await Promise.all([
    listOrders(RECENT),
    listCreditAccounts().catch(() => []),
    listServiceOrders({ status: "pending", limit: 50 }).catch(() => ({ service_orders: [], count: 0 })),
    listInvoices({ status: "open", limit: 20 }).catch(() => none),
    listInvoices({ limit: RECENT }).catch(() => none),
    listSubscriptions({ status: ["past_due", "active", "paused"], limit: RECENT }).catch(() => ({ subscriptions: [], count: 0 })),
    listEntitlements({ limit: 50 }).catch(() => ({ entitlements: [], count: 0 })),
  ])
  // Each purchase's invoice, from the invoice list (one call), else read for that order.
  const byOrder = new Map(recentInvoices.invoices.filter((i) => i.order_id).map((i) => [i.order_id as string, i]))
  const invoices = await Promise.all(orders.map((o) => byOrder.get(o.id) ?? retrieveOrderInvoice(o.id)))
  const briefsToFill = pending.service_orders.filter((so) => so.intake_required)
  // A subscription's unpaid renewal is paid (by card) from the subscription's page: its
  // invoice is listed there, not again among the invoices to pay.
  const pastDue = await Promise.all(
    running.subscriptions
      .filter((s) => s.status === "past_due")
      .map(async (s) => ({ s, renewal: (await retrieveSubscription(s.id).catch(() => undefined))?.renewals.find(isPayable) }))
  )
  const renewalInvoices = new Set(pastDue.map(({ renewal }) => renewal?.invoice_number).filter(Boolean))
  const toPay = unpaid.invoices.filter((i) => !renewalInvoices.has(i.number))
  const balances = accounts.filter((a) => a.balance > 0)
  const attention = briefsToFill.length + toPay.length + pastDue.length
  return (
    <PortalShell
      customer={customer}
      current="overview"
      title={customer.first_name ? `Hello, ${customer.first_name}` : "Your purchases"}
      titleTestId="account-title"
    >
      {attention ? (
        <section className="mt-6" aria-labelledby="attention-title" data-testid="attention">
          <h2 id="attention-title" className="text-xl font-semibold">Needs your attention</h2>
          <ul className="mt-3 flex flex-col gap-3">
            {briefsToFill.length ? (
              <li
                className="flex flex-col gap-3 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 sm:flex-row sm:items-center sm:justify-between"
                data-testid="briefs-to-fill"
              >
                <span>
                  {briefsToFill.length === 1 ? (
                    <>
                      <strong>{serviceOrderTitle(briefsToFill[0])}</strong>
                      {unitLabel(briefsToFill[0]) ? ` (${unitLabel(briefsToFill[0])})` : ""} is waiting for your brief before we can
                      start.
                    </>
                  ) : (
                    `${briefsToFill.length} services are waiting for your brief before we can start.`
                  )}
                </span>
                <Link
                  href={briefsToFill.length === 1 ? `/portal/service-orders/${briefsToFill[0].id}` : "/portal/service-orders?status=pending"}
                  className="btn-primary shrink-0"
                  data-testid="briefs-to-fill-link"
                >
                  {briefsToFill.length === 1 ? "Fill in the brief" : "See them"}
                </Link>
              </li>
            ) : null}
            {pastDue.map(({ s, renewal }) => (
              <li
                key={s.id}
                className="flex flex-col gap-3 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 sm:flex-row sm:items-center sm:justify-between"
                data-testid="subscription-to-pay"
              >
                <span>
                  {renewal ? (
                    <>
                      The renewal of <strong>{subscriptionTitle(s)}</strong> for {periodRange(renewal.period_start, renewal.period_end)},{" "}
                      <strong>{formatMoney(renewal.amount - renewal.credit_amount, renewal.currency_code)}</strong>, is unpaid.
                    </>
                  ) : (
                    <>
                      A renewal of your subscription <strong>{subscriptionTitle(s)}</strong> is unpaid.
                    </>
                  )}
                </span>
                <Link href={`/portal/subscriptions/${encodeURIComponent(s.id)}`} className="btn-primary shrink-0">
                  Pay now<span className="sr-only"> for {subscriptionTitle(s)}</span>
                </Link>
              </li>
            ))}
            {toPay.map((invoice) => (
              <li
                key={invoice.id}
                className="flex flex-col gap-3 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 sm:flex-row sm:items-center sm:justify-between"
                data-testid="invoice-to-pay"
              >
                <span>
                  Invoice <strong>{invoice.number}</strong>
                  {invoice.order ? ` (order #${invoice.order.display_id})` : ""} is awaiting your payment of{" "}
                  <strong>{formatMoney(invoice.total, invoice.currency_code)}</strong>.
                </span>
                <Link href={`/portal/invoices/${encodeURIComponent(invoice.number ?? "")}`} className="btn-primary shrink-0">
                  How to pay<span className="sr-only"> invoice {invoice.number}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {balances.length ? (
        <p
          className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
          data-testid="credit-summary"
        >
          <span>
            Account credit:{" "}
            <strong data-testid="credit-summary-balance">
              {balances.map((a) => formatMoney(a.balance, a.currency_code)).join(" · ")}
            </strong>{" "}
            available, used automatically at checkout.
          </span>
          <Link href="/portal/credit" className="font-semibold underline">View history</Link>
        </p>
      ) : null}
      {running.subscriptions.length ? (
        <section className="mt-8" aria-labelledby="subscriptions-title" data-testid="subscriptions-summary">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="subscriptions-title" className="text-xl font-semibold">Subscriptions</h2>
            <Link href="/portal/subscriptions" className="text-sm font-semibold text-brand underline" data-testid="all-subscriptions">
              All subscriptions
            </Link>
          </div>
          <div className="mt-4">
            <SubscriptionList subscriptions={running.subscriptions} />
          </div>
        </section>
      ) : null}
      {downloads.count ? (
        <p
          className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-brand-soft px-4 py-3 text-sm text-ink"
          data-testid="downloads-summary"
        >
          <span data-testid="downloads-summary-text">{downloadsSummary(downloads.entitlements)}</span>
          <Link href="/portal/downloads" className="font-semibold text-brand underline" data-testid="downloads-link">
            Files &amp; keys
          </Link>
        </p>
      ) : null}
      <section className="mt-8" aria-labelledby="orders-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="orders-title" className="text-xl font-semibold">Recent purchases</h2>
          {orders.length ? (
            <Link href="/portal/invoices" className="text-sm font-semibold text-brand underline" data-testid="all-invoices">
              All invoices
            </Link>
          ) : null}
        </div>
        {orders.length ? (
          <div className="mt-4">
            <OrderList orders={orders} invoices={invoices} />
          </div>
        ) : (
          <p className="card mt-4 p-6 text-ink-soft" data-testid="no-orders">
            No purchases yet. <Link href="/services" className="font-semibold text-brand underline">Browse services</Link>
          </p>
        )}
      </section>
    </PortalShell>
  )
}
