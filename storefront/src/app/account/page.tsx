import type { Metadata } from "next"
import Link from "next/link"
import { listCreditAccounts } from "@lib/data/credit"
import { logout, retrieveCustomer } from "@lib/data/customer"
import { retrieveOrderInvoice } from "@lib/data/invoices"
import { listOrders } from "@lib/data/orders"
import { listServiceOrders } from "@lib/data/service-orders"
import { formatMoney } from "@lib/util/money"
import { orderStatusView, type OrderStatusView } from "@lib/util/order-status"
import AccountNav from "@modules/account/components/account-nav"
import { LoginForm, RegisterForm } from "@modules/account/components/auth-forms"

export const metadata: Metadata = { title: "Account" }

const STATUS_TONES: Record<OrderStatusView["tone"], string> = {
  paid: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  waiting: "bg-amber-50 text-amber-800 ring-amber-200",
  canceled: "bg-gray-100 text-ink-soft ring-gray-200",
  neutral: "bg-sky-50 text-sky-800 ring-sky-200",
}

export default async function AccountPage() {
  const customer = await retrieveCustomer()
  if (!customer) {
    return (
      <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="mt-1 text-ink-soft">Sign in to see your orders, or create an account.</p>
        <div className="mt-8 grid gap-6 md:grid-cols-2">
          <LoginForm />
          <RegisterForm />
        </div>
      </div>
    )
  }
  const [{ orders }, accounts, pending] = await Promise.all([
    listOrders(),
    listCreditAccounts().catch(() => []),
    listServiceOrders({ status: "pending", limit: 50 }).catch(() => ({ service_orders: [], count: 0 })),
  ])
  // Each order's invoice: its number and whether it is paid (read one by one, at most a page of 20).
  const invoices = await Promise.all(orders.map((o) => retrieveOrderInvoice(o.id)))
  const briefsToFill = pending.service_orders.filter((so) => so.intake_required)
  const balances = accounts.filter((a) => a.balance > 0)
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight" data-testid="account-title">
            Hello, {customer.first_name}
          </h1>
          <p className="mt-1 text-ink-soft">{customer.email}</p>
        </div>
        <form action={logout}>
          <button type="submit" className="btn-secondary">Sign out</button>
        </form>
      </div>
      <AccountNav current="orders" />
      {balances.length ? (
        <p className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="credit-summary">
          <span>
            Account credit:{" "}
            <strong data-testid="credit-summary-balance">
              {balances.map((a) => formatMoney(a.balance, a.currency_code)).join(" · ")}
            </strong>{" "}
            available, used automatically at checkout.
          </span>
          <Link href="/account/credit" className="font-semibold underline">View history</Link>
        </p>
      ) : null}
      {briefsToFill.length ? (
        <p className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="briefs-to-fill">
          <span>
            {briefsToFill.length === 1
              ? "One service is waiting for your brief before we can start."
              : `${briefsToFill.length} services are waiting for your brief before we can start.`}
          </span>
          <Link
            href={briefsToFill.length === 1 ? `/service-orders/${briefsToFill[0].id}` : "/account/service-orders?status=pending"}
            className="font-semibold underline"
          >
            {briefsToFill.length === 1 ? "Fill in the brief" : "See them"}
          </Link>
        </p>
      ) : null}
      <section className="mt-8" aria-labelledby="orders-title">
        <h2 id="orders-title" className="text-xl font-semibold">Orders</h2>
        {orders.length ? (
          <ul className="card mt-4 divide-y divide-line">
            {orders.map((o, i) => {
              const invoice = invoices[i]
              const status = orderStatusView(o, invoice)
              const items = (o.items ?? []).reduce((n, item) => n + Number(item.quantity ?? 0), 0)
              return (
              <li key={o.id}>
                <Link
                  href={`/account/orders/${o.id}`}
                  className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 p-4 hover:bg-gray-50 sm:grid-cols-[minmax(8rem,1fr)_8rem_9rem_6rem_auto]"
                  data-testid="order-row"
                >
                  <span className="min-w-0">
                    <span className="block font-semibold">Order #{o.display_id}</span>
                    <span className="block text-sm text-ink-soft" data-testid="order-row-invoice">
                      {invoice?.number ? `Invoice ${invoice.number}` : "Invoice pending"}
                    </span>
                  </span>
                  <span className="justify-self-end sm:justify-self-start">
                    <span
                      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_TONES[status.tone]}`}
                      data-testid="order-row-status"
                      data-tone={status.tone}
                    >
                      {status.label}
                    </span>
                  </span>
                  <span className="text-sm text-ink-soft">{new Date(o.created_at as string).toLocaleDateString("en-US", { dateStyle: "medium" })}</span>
                  <span className="text-sm text-ink-soft">{items === 1 ? "1 item" : `${items} items`}</span>
                  <span className="col-span-2 text-left sm:col-span-1 sm:text-right">
                    {/* The order's value; what credit paid of it is said beside. */}
                    <span className="block font-semibold">{formatMoney(Number(o.total) + Number(o.credit_line_total ?? 0), o.currency_code)}</span>
                    {Number(o.credit_line_total ?? 0) > 0 ? (
                      <span className="block text-xs text-emerald-700" data-testid="order-row-credit">
                        {formatMoney(Number(o.credit_line_total), o.currency_code)} paid with credit
                      </span>
                    ) : null}
                  </span>
                </Link>
              </li>
              )
            })}
          </ul>
        ) : (
          <p className="card mt-4 p-6 text-ink-soft">
            No orders yet. <Link href="/services" className="font-semibold text-brand underline">Browse services</Link>
          </p>
        )}
      </section>
    </div>
  )
}
