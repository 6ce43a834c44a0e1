import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import FilterLinks from "@modules/common/components/filter-links"
import Pagination from "@modules/common/components/pagination"
import PortalShell from "../components/portal-shell"
import type { PortalSection } from "../components/portal-nav"

/**
 * A portal section that lists the client's things by status (invoices,
 * service orders): the status filters, the list (or why it is empty), and
 * the pages.
 */
export default function FilteredListTemplate({
  customer,
  section,
  title,
  titleTestId,
  path,
  filters,
  status,
  filterTestId,
  page,
  pages,
  href,
  noun,
  none,
  emptyTestId,
  children,
}: {
  customer: HttpTypes.StoreCustomer
  section: PortalSection
  title: string
  titleTestId: string
  /** The section's address (its "All" filter). */
  path: string
  filters: { id?: string; label: string }[]
  /** The status shown, if filtered. */
  status?: string
  filterTestId: string
  page: number
  pages: number
  href: (page: number) => string
  /** What the list holds, plural ("invoices"): "No invoices are paid." */
  noun: string
  /** Said when the client has none at all. */
  none: React.ReactNode
  emptyTestId: string
  /** The list; nothing when the page has no items. */
  children?: React.ReactNode
}) {
  const filtered = filters.find((f) => f.id && f.id === status)
  return (
    <PortalShell customer={customer} current={section} title={title} titleTestId={titleTestId}>
      <FilterLinks
        label="Filter by status"
        testId={filterTestId}
        filters={filters.map((f) => ({ label: f.label, href: f.id ? `?status=${f.id}` : path, current: f.id === status }))}
      />
      <div className="mt-6">
        {children || (
          <p className="card p-6 text-ink-soft" data-testid={emptyTestId}>
            {filtered ? (
              <>
                No {noun} are {filtered.label.toLowerCase()}.
              </>
            ) : (
              <>
                {none} <Link href="/services" className="font-semibold text-brand underline">Browse services</Link>
              </>
            )}
          </p>
        )}
        <Pagination page={page} pages={pages} href={href} />
      </div>
    </PortalShell>
  )
}
