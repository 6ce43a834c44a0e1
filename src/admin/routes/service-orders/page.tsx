import { defineRouteConfig } from "@medusajs/admin-sdk"
import { QueueList } from "@medusajs/icons"
import { Button, Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useNavigate, useSearchParams } from "react-router-dom"
import { CustomerFilter } from "../../components/common/customer-filter"
import { OffsetPagination } from "../../components/common/offset-pagination"
import { ProductFilter } from "../../components/common/product-filter"
import { QueryState } from "../../components/common/query-state"
import { ServiceOrderStatusBadge, ServiceOrderStatusFilter } from "../../components/service-orders/service-order-status"
import { customerName, formatDate } from "../../lib/format"
import {
  SERVICE_ORDER_STATUSES,
  unitLabel,
  useServiceOrders,
  type ServiceOrderQuery,
  type ServiceOrderStatus,
} from "../../lib/service-orders"

const PAGE_SIZE = 20

/**
 * Admin page "Service orders": the work queue. One row per purchased unit of
 * a service, filtered by status (several at once), service and customer,
 * newest or oldest first (the filters live in the URL, so going back from a
 * service order keeps them), 20 per page. A row opens the service order.
 */
const ServiceOrdersPage = () => {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const statuses = (params.get("status") ?? "")
    .split(",")
    .filter((s): s is ServiceOrderStatus => SERVICE_ORDER_STATUSES.includes(s as ServiceOrderStatus))
  const productId = params.get("product_id") ?? undefined
  const customerId = params.get("customer_id") ?? undefined
  const order = params.get("order") === "created_at" ? "created_at" : "-created_at"
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

  const query: ServiceOrderQuery = {
    status: statuses.length ? statuses.join(",") : undefined,
    product_id: productId,
    customer_id: customerId,
    order,
    limit: PAGE_SIZE,
    offset,
  }
  const { data, isLoading, error } = useServiceOrders(query)
  const filtered = !!(statuses.length || productId || customerId)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Service orders</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The work queue: one service order per purchased unit of a service, from payment to delivery.
          </Text>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="service-order-filters">
        <ServiceOrderStatusFilter value={statuses} onChange={(s) => update({ status: s.join(",") || undefined })} />
        <ProductFilter value={productId} onChange={(id) => update({ product_id: id })} testId="service-order-product-filter" />
        <CustomerFilter value={customerId} onChange={(id) => update({ customer_id: id })} />
        <div className="w-[160px]">
          <Select size="small" value={order} onValueChange={(v) => update({ order: v === "created_at" ? v : undefined })}>
            <Select.Trigger data-testid="service-order-sort" aria-label="Sort">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="-created_at">Newest first</Select.Item>
              <Select.Item value="created_at">Oldest first</Select.Item>
            </Select.Content>
          </Select>
        </div>
        {filtered && (
          <Button
            size="small"
            variant="transparent"
            onClick={() => setParams(order === "created_at" ? new URLSearchParams({ order }) : new URLSearchParams(), { replace: true })}
          >
            Clear filters
          </Button>
        )}
      </div>
      <QueryState
        data={data}
        error={error}
        loading={isLoading || !data}
        empty={
          !data?.service_orders.length &&
          (filtered
            ? "No service orders match these filters."
            : "No service orders yet: they are created when a client's invoice is paid.")
        }
        emptyTestId="service-orders-empty"
      >
        {(data) => (
          <>
            <Table data-testid="service-order-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Service</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Customer</Table.HeaderCell>
                  <Table.HeaderCell>Order</Table.HeaderCell>
                  <Table.HeaderCell>Invoice</Table.HeaderCell>
                  <Table.HeaderCell>Created</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.service_orders.map((so) => {
                  const name = customerName(so.customer, so.email)
                  const email = so.customer?.email ?? so.email
                  const unit = unitLabel(so)
                  const variant = so.variant_title && so.variant_title !== "Default" ? so.variant_title : null
                  return (
                    <Table.Row
                      key={so.id}
                      className="cursor-pointer"
                      data-testid="service-order-row"
                      data-id={so.id}
                      onClick={() => navigate(`/service-orders/${so.id}`)}
                    >
                      <Table.Cell>
                        <div className="flex flex-col py-1">
                          <span className="txt-compact-small-plus" data-testid="service-order-title">
                            {so.title}
                          </span>
                          {(variant || unit) && (
                            <span className="text-ui-fg-subtle txt-compact-xsmall">
                              {[variant, unit].filter(Boolean).join(" · ")}
                            </span>
                          )}
                        </div>
                      </Table.Cell>
                      <Table.Cell>
                        <div className="flex items-center gap-x-1">
                          <ServiceOrderStatusBadge status={so.status} />
                          {so.intake_required && (
                            <Text size="xsmall" className="text-ui-fg-subtle">
                              awaiting intake
                            </Text>
                          )}
                        </div>
                      </Table.Cell>
                      <Table.Cell>
                        <div className="flex flex-col">
                          <span>{name}</span>
                          {email && email !== name && <span className="text-ui-fg-subtle txt-compact-xsmall">{email}</span>}
                        </div>
                      </Table.Cell>
                      <Table.Cell>{so.order_display_id != null ? `#${so.order_display_id}` : "—"}</Table.Cell>
                      <Table.Cell>{so.invoice_number ?? "—"}</Table.Cell>
                      <Table.Cell>{formatDate(so.created_at)}</Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
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
  label: "Service orders",
  icon: QueueList,
})

export default ServiceOrdersPage
