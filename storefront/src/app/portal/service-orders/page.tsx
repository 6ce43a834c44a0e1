import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { requireCustomer } from "@lib/data/customer"
import { listServiceOrders } from "@lib/data/service-orders"
import { STATUS_LABELS, type ServiceOrderStatus } from "@lib/util/intake"
import FilterLinks from "@modules/common/components/filter-links"
import Pagination from "@modules/common/components/pagination"
import PortalShell from "@modules/portal/components/portal-shell"
import ServiceOrderList from "@modules/service-orders/components/service-order-list"

export const metadata: Metadata = { title: "Service orders", robots: { index: false } }

const PAGE_SIZE = 20
const STATUSES = Object.keys(STATUS_LABELS) as ServiceOrderStatus[]

type Props = { searchParams: Promise<{ page?: string; status?: string }> }

/** The client's service orders (one per service bought), newest first, by status. */
export default async function PortalServiceOrdersPage({ searchParams }: Props) {
  const customer = await requireCustomer("/portal/service-orders")
  const query = await searchParams
  const status = STATUSES.find((s) => s === query.status)
  const page = Math.max(1, Math.floor(Number(query.page)) || 1)
  const { service_orders, count } = await listServiceOrders({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE))
  const href = (n: number) => `?${new URLSearchParams({ ...(status ? { status } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`
  if (page > pages) {
    redirect(`/portal/service-orders${href(pages)}`)
  }
  const filters: { id?: ServiceOrderStatus; label: string }[] = [{ label: "All" }, ...STATUSES.map((s) => ({ id: s, label: STATUS_LABELS[s] }))]
  return (
    <PortalShell customer={customer} current="service-orders" title="Service orders" titleTestId="service-orders-title">
      <FilterLinks
        label="Filter by status"
        testId="status-filter"
        filters={filters.map((f) => ({ label: f.label, href: f.id ? `?status=${f.id}` : "/portal/service-orders", current: f.id === status }))}
      />
      <div className="mt-6">
        {service_orders.length ? (
          <ServiceOrderList serviceOrders={service_orders} showOrder />
        ) : (
          <p className="card p-6 text-ink-soft" data-testid="service-orders-empty">
            {status ? (
              <>No service orders are {STATUS_LABELS[status].toLowerCase()}.</>
            ) : (
              <>
                No service orders yet: each service you buy shows here with where it stands.{" "}
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
