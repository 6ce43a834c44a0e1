import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { requireCustomer } from "@lib/data/customer"
import { listInvoices, type PortalInvoiceStatus } from "@lib/data/invoices"
import { listPaging } from "@lib/util/portal"
import InvoiceList from "@modules/portal/components/invoice-list"
import FilteredListTemplate from "@modules/portal/templates/filtered-list-template"

export const metadata: Metadata = { title: "Invoices", robots: { index: false } }

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
  const { page, limit, offset, href, pages: pagesOf } = listPaging(query.page, { status })
  const { invoices, count } = await listInvoices({ status, limit, offset })
  const pages = pagesOf(count)
  if (page > pages) {
    redirect(`/portal/invoices${href(pages)}`)
  }
  return (
    <FilteredListTemplate
      customer={customer}
      section="invoices"
      title="Invoices"
      titleTestId="invoices-title"
      path="/portal/invoices"
      filters={FILTERS}
      status={status}
      filterTestId="invoice-filter"
      page={page}
      pages={pages}
      href={href}
      noun="invoices"
      none="No invoices yet: each purchase gets one."
      emptyTestId="invoices-empty"
    >
      {invoices.length ? <InvoiceList invoices={invoices} /> : null}
    </FilteredListTemplate>
  )
}
