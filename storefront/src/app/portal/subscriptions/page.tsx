import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { requireCustomer } from "@lib/data/customer"
import { listSubscriptions } from "@lib/data/subscriptions"
import { listPaging } from "@lib/util/portal"
import { SUBSCRIPTION_STATUS_LABELS, type SubscriptionStatus } from "@lib/util/subscriptions"
import FilteredListTemplate from "@modules/portal/templates/filtered-list-template"
import SubscriptionList from "@modules/subscriptions/components/subscription-list"

export const metadata: Metadata = { title: "Subscriptions", robots: { index: false } }

const STATUSES = Object.keys(SUBSCRIPTION_STATUS_LABELS) as SubscriptionStatus[]
const FILTERS: { id?: SubscriptionStatus; label: string }[] = [
  { label: "All" },
  ...STATUSES.map((s) => ({ id: s, label: SUBSCRIPTION_STATUS_LABELS[s] })),
]

type Props = { searchParams: Promise<{ page?: string; status?: string }> }

/** The client's subscriptions (one per recurring service bought), newest first, by status. */
export default async function PortalSubscriptionsPage({ searchParams }: Props) {
  const customer = await requireCustomer("/portal/subscriptions")
  const query = await searchParams
  const status = STATUSES.find((s) => s === query.status)
  const { page, limit, offset, href, pages: pagesOf } = listPaging(query.page, { status })
  const { subscriptions, count } = await listSubscriptions({ status: status ? [status] : undefined, limit, offset })
  const pages = pagesOf(count)
  if (page > pages) {
    redirect(`/portal/subscriptions${href(pages)}`)
  }
  return (
    <FilteredListTemplate
      customer={customer}
      section="subscriptions"
      title="Subscriptions"
      titleTestId="subscriptions-title"
      path="/portal/subscriptions"
      filters={FILTERS}
      status={status}
      filterTestId="subscription-filter"
      page={page}
      pages={pages}
      href={href}
      noun="subscriptions"
      none="No subscriptions yet: a service billed every month or year shows here, with its next renewal."
      emptyTestId="subscriptions-empty"
    >
      {subscriptions.length ? <SubscriptionList subscriptions={subscriptions} /> : null}
    </FilteredListTemplate>
  )
}
