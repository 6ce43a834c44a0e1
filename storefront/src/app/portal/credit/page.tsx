import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { listCreditAccounts, listCreditTransactions } from "@lib/data/credit"
import { requireCustomer } from "@lib/data/customer"
import PortalShell from "@modules/portal/components/portal-shell"
import CreditTemplate from "@modules/portal/templates/credit-template"

export const metadata: Metadata = { title: "Account credit", robots: { index: false } }

const PAGE_SIZE = 20

type Props = { searchParams: Promise<{ page?: string; currency?: string }> }

/** The client's account credit: a balance per currency and its history. */
export default async function PortalCreditPage({ searchParams }: Props) {
  const customer = await requireCustomer("/portal/credit")
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
    redirect(currency ? `/portal/credit?currency=${currency}${pages > 1 ? `&page=${pages}` : ""}` : "/portal/credit")
  }
  return (
    <PortalShell customer={customer} current="credit" title="Account credit" titleTestId="credit-title">
      <CreditTemplate
        accounts={accounts}
        currency={currency}
        transactions={transactions}
        count={count}
        page={page}
        pageSize={PAGE_SIZE}
      />
    </PortalShell>
  )
}
