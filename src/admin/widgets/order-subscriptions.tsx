import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { SubscriptionTable } from "../components/subscriptions/subscription-table"
import { useSubscriptions } from "../lib/subscriptions"

/** The most subscriptions of the order's customer looked through (the route's page limit). */
const LIMIT = 100

/**
 * Order widget "Subscriptions" (order details, main column): the
 * subscriptions this order started (one per purchased unit of a recurring
 * service), each opening the subscription. Shown only for such an order.
 * The admin list route has no order filter, so the customer's subscriptions
 * (their 100 newest) are filtered here by `order_id`.
 */
const OrderSubscriptionsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const customerId = order.customer_id ?? undefined
  const { data } = useSubscriptions({ customer_id: customerId, limit: LIMIT, offset: 0 }, { enabled: !!customerId })
  const started = data?.subscriptions.filter((s) => s.order_id === order.id) ?? []

  if (!started.length) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="order-subscriptions">
      <div className="px-6 py-4">
        <Heading level="h2">Subscriptions</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Started by this order: one per recurring unit bought.
        </Text>
      </div>
      <SubscriptionTable subscriptions={started} testId="order-subscription-table" />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderSubscriptionsWidget
