import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { requireCustomer } from "@lib/data/customer"
import { listServiceOrders } from "@lib/data/service-orders"
import { STATUS_LABELS, type ServiceOrderStatus } from "@lib/util/intake"
import { listPaging } from "@lib/util/portal"
import FilteredListTemplate from "@modules/portal/templates/filtered-list-template"
import ServiceOrderList from "@modules/service-orders/components/service-order-list"

export const metadata: Metadata = { title: "Service orders", robots: { index: false } }

const STATUSES = Object.keys(STATUS_LABELS) as ServiceOrderStatus[]
const FILTERS: { id?: ServiceOrderStatus; label: string }[] = [{ label: "All" }, ...STATUSES.map((s) => ({ id: s, label: STATUS_LABELS[s] }))]

type Props = { searchParams: Promise<{ page?: string; status?: string }> }

/** The client's service orders (one per service bought), newest first, by status. */
export default async function PortalServiceOrdersPage({ searchParams }: Props) {
  const customer = await requireCustomer("/portal/service-orders")
  const query = await searchParams
  const status = STATUSES.find((s) => s === query.status)
  const { page, limit, offset, href, pages: pagesOf } = listPaging(query.page, { status })
  const { service_orders, count } = await listServiceOrders({ status, limit, offset })
  const pages = pagesOf(count)
  if (page > pages) {
    redirect(`/portal/service-orders${href(pages)}`)
  }
  return (
    <FilteredListTemplate
      customer={customer}
      section="service-orders"
      title="Service orders"
      titleTestId="service-orders-title"
      path="/portal/service-orders"
      filters={FILTERS}
      status={status}
      filterTestId="status-filter"
      page={page}
      pages={pages}
      href={href}
      noun="service orders"
      none="No service orders yet: each service you buy shows here with where it stands."
      emptyTestId="service-orders-empty"
    >
      {service_orders.length ? <ServiceOrderList serviceOrders={service_orders} showOrder /> : null}
    </FilteredListTemplate>
  )
}
