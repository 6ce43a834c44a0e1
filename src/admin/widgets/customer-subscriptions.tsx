import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { QueryState } from "../components/common/query-state"
import { SubscriptionTable } from "../components/subscriptions/subscription-table"
import { useSubscriptions } from "../lib/subscriptions"

const LIMIT = 10

/**
 * Customer widget "Subscriptions" (customer details, main column): the
 * customer's subscriptions, newest first (the ten latest, with a link to all
 * of them on the Subscriptions page); a row opens the subscription.
 */
const CustomerSubscriptionsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useSubscriptions({ customer_id: customer.id, limit: LIMIT, offset: 0 })
  const more = (data?.count ?? 0) > LIMIT

  return (
    <Container className="divide-y p-0" data-testid="customer-subscriptions">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Subscriptions</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Recurring services this client bought, renewed every period.
          </Text>
        </div>
        {!!data?.count && (
          <Link
            to={`/subscriptions?customer_id=${encodeURIComponent(customer.id)}`}
            className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover shrink-0"
            data-testid="customer-subscriptions-all"
          >
            {more ? `View all ${data.count}` : "Open in Subscriptions"}
          </Link>
        )}
      </div>
      <QueryState
        data={data}
        error={error}
        loading={isLoading || !data}
        empty={!data?.subscriptions.length && "No subscriptions."}
        emptyTestId="customer-subscriptions-empty"
      >
        {(data) => <SubscriptionTable subscriptions={data.subscriptions} testId="customer-subscription-table" />}
      </QueryState>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerSubscriptionsWidget
