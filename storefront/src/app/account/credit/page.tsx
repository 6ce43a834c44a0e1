import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { listCreditAccounts, listCreditTransactions } from "@lib/data/credit"
import { retrieveCustomer } from "@lib/data/customer"
import AccountNav from "@modules/account/components/account-nav"
import CreditTemplate from "@modules/account/templates/credit-template"

export const metadata: Metadata = { title: "Account credit" }

const PAGE_SIZE = 20

type Props = { searchParams: Promise<{ page?: string; currency?: string }> }

export default async function AccountCreditPage({ searchParams }: Props) {
  const customer = await retrieveCustomer()
  if (!customer) {
    redirect("/account")
  }
  const query = await searchParams
  const page = Math.max(1, Math.floor(Number(query.page)) || 1)
  const accounts = await listCreditAccounts()
  const account = accounts.find((a) => a.currency_code === query.currency?.toLowerCase()) ?? accounts[0]
  const currency = account?.currency_code
  const { transactions, count } = currency
    ? await listCreditTransactions({ currency, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
    : { transactions: [], count: 0 }
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE))
  if (page > pages) {
    redirect(currency ? `/account/credit?currency=${currency}${pages > 1 ? `&page=${pages}` : ""}` : "/account/credit")
  }
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight" data-testid="credit-title">Account credit</h1>
      <p className="mt-1 text-ink-soft">{customer.email}</p>
      <AccountNav current="credit" />
      <CreditTemplate
        accounts={accounts}
        currency={currency}
        transactions={transactions}
        count={count}
        page={page}
        pageSize={PAGE_SIZE}
      />
    </div>
  )
}
