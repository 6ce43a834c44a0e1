import Link from "next/link"
import { describeTransaction, transactionNote, type CreditAccount, type CreditTransaction } from "@lib/util/credit"
import { formatMoney } from "@lib/util/money"
import Pagination from "@modules/common/components/pagination"

/** "+$600.00" / "−$486.00". */
function signed(amount: number, currency: string) {
  return `${amount < 0 ? "−" : "+"}${formatMoney(Math.abs(amount), currency)}`
}

const date = (d: string) => new Date(d).toLocaleDateString("en-US", { dateStyle: "medium" })

/** One balance per currency; with several, each one shows its own history. */
function Balances({ accounts, currency }: { accounts: CreditAccount[]; currency: string }) {
  const several = accounts.length > 1
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Balances">
      {accounts.map((a) => {
        const selected = a.currency_code === currency
        const body = (
          <>
            <span className="text-xs font-semibold uppercase tracking-wide text-ink-faint">{a.currency_code.toUpperCase()} balance</span>
            <span className="text-3xl font-bold tracking-tight" data-testid="credit-balance">
              {formatMoney(a.balance, a.currency_code)}
            </span>
            <span className="text-sm text-ink-soft">
              {formatMoney(a.credits, a.currency_code)} added · {formatMoney(a.debits, a.currency_code)} used
            </span>
          </>
        )
        const className = `card flex h-full flex-col gap-1 p-5 ${several && selected ? "border-brand ring-1 ring-brand" : ""}`
        return (
          <li key={a.id} data-testid="credit-account">
            {several ? (
              <Link href={`?currency=${a.currency_code}`} aria-current={selected ? "true" : undefined} className={`${className} hover:shadow-md`}>
                {body}
              </Link>
            ) : (
              <div className={className}>{body}</div>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** The history of one currency: date, what it was, signed amount, balance after. */
function History({ transactions, currency }: { transactions: CreditTransaction[]; currency: string }) {
  return (
    <div className="card overflow-hidden">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Account credit history in {currency.toUpperCase()}, newest first</caption>
        <thead className="hidden border-b border-line bg-gray-50 text-xs uppercase tracking-wide text-ink-faint sm:table-header-group">
          <tr>
            <th scope="col" className="w-36 px-4 py-3 font-semibold">Date</th>
            <th scope="col" className="px-4 py-3 font-semibold">Description</th>
            <th scope="col" className="w-36 px-4 py-3 text-right font-semibold">Amount</th>
            <th scope="col" className="w-36 whitespace-nowrap px-4 py-3 text-right font-semibold">Balance after</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {transactions.map((t) => {
            const description = describeTransaction(t)
            const note = transactionNote(t)
            return (
              <tr key={t.id} data-testid="credit-row" className="align-top">
                <td className="hidden whitespace-nowrap px-4 py-3 text-ink-soft sm:table-cell">{date(t.created_at)}</td>
                <td className="px-4 py-3">
                  <span className="font-medium" data-testid="credit-description">
                    {t.order_id ? (
                      <Link href={`/portal/orders/${t.order_id}`} className="hover:underline">
                        {description}
                      </Link>
                    ) : (
                      description
                    )}
                  </span>
                  {note ? (
                    <span className="block text-ink-soft" data-testid="credit-note">
                      {note}
                    </span>
                  ) : null}
                  <span className="block text-xs text-ink-faint sm:hidden">{date(t.created_at)}</span>
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-right">
                  <span
                    className={`font-semibold ${t.signed_amount < 0 ? "text-ink" : "text-emerald-700"}`}
                    data-testid="credit-amount"
                  >
                    {signed(t.signed_amount, t.currency_code)}
                  </span>
                  <span className="block text-xs text-ink-faint sm:hidden">
                    Balance {formatMoney(t.balance_after, t.currency_code)}
                  </span>
                </td>
                <td className="hidden whitespace-nowrap px-4 py-3 text-right sm:table-cell" data-testid="credit-balance-after">
                  {formatMoney(t.balance_after, t.currency_code)}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/**
 * The client's account credit: a balance per currency and the history of
 * the selected currency (newest first, paginated), or a short explanation
 * when they have none.
 */
export default function CreditTemplate({
  accounts,
  currency,
  transactions,
  count,
  page,
  pageSize,
}: {
  accounts: CreditAccount[]
  /** The currency whose history is shown. */
  currency?: string
  transactions: CreditTransaction[]
  count: number
  page: number
  pageSize: number
}) {
  if (!accounts.length || !currency) {
    return (
      <div className="card mt-6 p-6" data-testid="credit-empty">
        <p className="font-semibold">You have no account credit yet.</p>
        <p className="mt-1 text-ink-soft">
          When the store adds credit to your account or refunds an order to it, it shows here, and it is used
          automatically at checkout.
        </p>
      </div>
    )
  }
  const pages = Math.max(1, Math.ceil(count / pageSize))
  return (
    <div className="mt-6 flex flex-col gap-8">
      <Balances accounts={accounts} currency={currency} />
      <p className="-mt-4 text-sm text-ink-soft">Your credit is used automatically at checkout; you can switch it off for an order there.</p>
      <section aria-labelledby="credit-history-title">
        <h2 id="credit-history-title" className="mb-3 text-xl font-semibold">
          History{accounts.length > 1 ? ` (${currency.toUpperCase()})` : ""}
        </h2>
        {transactions.length ? (
          <History transactions={transactions} currency={currency} />
        ) : (
          <p className="card p-6 text-ink-soft">No credit movements in {currency.toUpperCase()} yet.</p>
        )}
        <Pagination page={page} pages={pages} href={(n) => `?currency=${currency}&page=${n}`} />
      </section>
    </div>
  )
}
