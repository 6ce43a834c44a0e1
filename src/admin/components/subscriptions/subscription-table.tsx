import { Table } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { nextRenewalLabel, paymentMethodLabel, priceLabel, type SubscriptionView } from "../../lib/subscriptions"
import { SubscriptionStatusBadge } from "./subscription-status"

/**
 * Subscriptions as table rows that open the subscription: service (and
 * variant), status, price per period, next renewal; with `full`, also the
 * customer and the card renewals are charged to (the list page), without it
 * the compact form of the customer and order widgets.
 */
export const SubscriptionTable = ({
  subscriptions,
  full = false,
  testId = "subscription-table",
}: {
  subscriptions: SubscriptionView[]
  full?: boolean
  testId?: string
}) => {
  const navigate = useNavigate()
  return (
    <div className="overflow-x-auto">
      <Table data-testid={testId}>
        <Table.Header>
          <Table.Row>
            {full && <Table.HeaderCell>Customer</Table.HeaderCell>}
            <Table.HeaderCell>Service</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Price</Table.HeaderCell>
            <Table.HeaderCell>Next renewal</Table.HeaderCell>
            {full && <Table.HeaderCell>Card</Table.HeaderCell>}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {subscriptions.map((s) => {
            const variant = s.variant_title && s.variant_title !== "Default" ? s.variant_title : null
            return (
              <Table.Row
                key={s.id}
                className="cursor-pointer"
                data-testid="subscription-row"
                data-id={s.id}
                onClick={() => navigate(`/subscriptions/${s.id}`)}
              >
                {full && (
                  <Table.Cell data-testid="subscription-email">
                    {s.email ?? <span className="text-ui-fg-muted">—</span>}
                  </Table.Cell>
                )}
                <Table.Cell>
                  <div className="flex flex-col py-1">
                    <span className="txt-compact-small-plus" data-testid="subscription-title">
                      {s.title}
                    </span>
                    {variant && <span className="text-ui-fg-subtle txt-compact-xsmall">{variant}</span>}
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <SubscriptionStatusBadge status={s.status} />
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap tabular-nums" data-testid="subscription-price">
                  {priceLabel(s)}
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap" data-testid="subscription-next-renewal">
                  {nextRenewalLabel(s)}
                </Table.Cell>
                {full && (
                  <Table.Cell className="whitespace-nowrap" data-testid="subscription-card">
                    <span className={s.payment_method_label ? undefined : "text-ui-fg-subtle"}>{paymentMethodLabel(s)}</span>
                  </Table.Cell>
                )}
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
}
