import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { requireCustomer } from "@lib/data/customer"
import { listInvoices, type PortalInvoiceStatus } from "@lib/data/invoices"
import FilterLinks from "@modules/common/components/filter-links"
import Pagination from "@modules/common/components/pagination"
import InvoiceList from "@modules/portal/components/invoice-list"
import PortalShell from "@modules/portal/components/portal-shell"

export const metadata: Metadata = { title: "Invoices", robots: { index: false } }

const PAGE_SIZE = 20
const FILTERS: { id?: PortalInvoiceStatus; label: string }[] = [
  { label: "All" },
  { id: "open", label: "Awaiting payment" },
  { id: "paid", label: "Paid" },
  { id: "void", label: "Void" },
]

type Props = { searchParams: Promise<{ page?: string; status?: string }> }

/** Every purchase's invoice, newest first, by status, 20 a page. */
export default async function PortalInvoicesPage({ searchParams }: Props) {
  const customer = await requireCustomer("/portal/invoices")
  const query = await searchParams
  const status = FILTERS.find((f) => f.id && f.id === query.status)?.id
  const page = Math.max(1, Math.floor(Number(query.page)) || 1)
  const { invoices, count } = await listInvoices({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE))
  const href = (n: number) => `?${new URLSearchParams({ ...(status ? { status } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`
  if (page > pages) {
    redirect(`/portal/invoices${href(pages)}`)
  }
  return (
    <PortalShell customer={customer} current="invoices" title="Invoices" titleTestId="invoices-title">
      <FilterLinks
        label="Filter by status"
        testId="invoice-filter"
        filters={FILTERS.map((f) => ({ label: f.label, href: f.id ? `?status=${f.id}` : "/portal/invoices", current: f.id === status }))}
      />
      <div className="mt-6">
        {invoices.length ? (
          <InvoiceList invoices={invoices} />
        ) : (
          <p className="card p-6 text-ink-soft" data-testid="invoices-empty">
            {status ? (
              <>No invoices are {FILTERS.find((f) => f.id === status)?.label.toLowerCase()}.</>
            ) : (
              <>
                No invoices yet: each purchase gets one.{" "}
                <Link href="/services" className="font-semibold text-brand underline">Browse services</Link>
              </>
            )}
          </p>
        )}
        <Pagination page={page} pages={pages} href={href} />
      </div>
    </PortalShell>
  )
}
