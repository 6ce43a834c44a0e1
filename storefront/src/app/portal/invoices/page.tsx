import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { requireCustomer } from "@lib/data/customer"
import { listInvoices, type PortalInvoiceStatus } from "@lib/data/invoices"
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
      <nav aria-label="Filter by status" className="mt-6 flex flex-wrap gap-2 text-sm" data-testid="invoice-filter">
        {FILTERS.map((f) => (
          <Link
            key={f.label}
            href={f.id ? `?status=${f.id}` : "/portal/invoices"}
            aria-current={f.id === status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 font-medium ${
              f.id === status ? "border-brand bg-brand-soft text-brand-dark" : "border-line bg-white text-ink-soft hover:text-ink"
            }`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
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
