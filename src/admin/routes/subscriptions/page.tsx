import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { CustomerFilter } from "../../components/common/customer-filter"
import { OffsetPagination } from "../../components/common/offset-pagination"
import { ProductFilter } from "../../components/common/product-filter"
import { QueryState } from "../../components/common/query-state"
import { SubscriptionStatusFilter } from "../../components/subscriptions/subscription-status"
import { SubscriptionTable } from "../../components/subscriptions/subscription-table"
import {
  SUBSCRIPTION_STATUSES,
  useSubscriptions,
  type SubscriptionQuery,
  type SubscriptionStatus,
} from "../../lib/subscriptions"

const PAGE_SIZE = 20

/**
 * Admin page "Subscriptions": every subscription, newest first, filtered by
 * status (several at once), service and customer (the filters live in the
 * URL, so going back from a subscription keeps them), 20 per page. A row
 * opens the subscription.
 */
const SubscriptionsPage = () => {
  const [params, setParams] = useSearchParams()
  const statuses = (params.get("status") ?? "")
    .split(",")
    .filter((s): s is SubscriptionStatus => SUBSCRIPTION_STATUSES.includes(s as SubscriptionStatus))
  const productId = params.get("product_id") ?? undefined
  const customerId = params.get("customer_id") ?? undefined
  const offset = Math.max(0, Number(params.get("offset")) || 0)

  /** Changes filters (and goes back to the first page unless `offset` is given). */
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    if (!("offset" in changes)) next.delete("offset")
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }

  const query: SubscriptionQuery = {
    status: statuses.length ? statuses : undefined,
    product_id: productId,
    customer_id: customerId,
    limit: PAGE_SIZE,
    offset,
  }
  const { data, isLoading, error } = useSubscriptions(query)
  const filtered = !!(statuses.length || productId || customerId)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Subscriptions</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Recurring services: one subscription per purchased unit, renewed every period from account credit and the
            saved card.
          </Text>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="subscription-filters">
        <SubscriptionStatusFilter value={statuses} onChange={(s) => update({ status: s.join(",") || undefined })} />
        <ProductFilter value={productId} onChange={(id) => update({ product_id: id })} testId="subscription-product-filter" />
        <CustomerFilter value={customerId} onChange={(id) => update({ customer_id: id })} />
        {filtered && (
          <Button size="small" variant="transparent" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear filters
          </Button>
        )}
      </div>
      <QueryState
        data={data}
        error={error}
        loading={isLoading || !data}
        empty={
          !data?.subscriptions.length &&
          (filtered
            ? "No subscriptions match these filters."
            : "No subscriptions yet: a client's purchase of a recurring service starts one once it is paid.")
        }
        emptyTestId="subscriptions-empty"
      >
        {(data) => (
          <>
            <SubscriptionTable subscriptions={data.subscriptions} full />
            <OffsetPagination
              count={data.count}
              offset={offset}
              pageSize={PAGE_SIZE}
              onOffset={(next) => update({ offset: String(next) })}
            />
          </>
        )}
      </QueryState>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Subscriptions",
  icon: ArrowPath,
})

export default SubscriptionsPage
