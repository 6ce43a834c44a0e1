import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEFAULT_INVOICE_STATUSES, type InvoiceListParamsType } from "./validators"

/**
 * `GET /admin/portico/invoices`: invoices, newest first, filtered by `status`
 * (one or several; default {@link DEFAULT_INVOICE_STATUSES}, i.e. issued
 * invoices without the carts clients abandoned), `customer_id`, `order_id`,
 * `cart_id`, `number` and `created_at` (`created_at[$gte]=…&created_at[$lte]=…`),
 * paginated. Each comes with its customer and order display id. Returns
 * `{ invoices, count, offset, limit }`.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, InvoiceListParamsType>,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { status, customer_id, order_id, cart_id, number, created_at } = req.validatedQuery
  const lookup = cart_id !== undefined || order_id !== undefined || number !== undefined
  const statuses = status ?? (lookup ? undefined : [...DEFAULT_INVOICE_STATUSES])
  const filters: Record<string, unknown> = {}
  for (const [key, value] of Object.entries({ status: statuses, customer_id, order_id, cart_id, number, created_at })) {
    if (value !== undefined) {
      filters[key] = value
    }
  }
  const { data: invoices, metadata } = await query.graph({
    entity: "invoice",
    fields: req.queryConfig.fields.filter((f) => !f.includes(".")),
    filters,
    pagination: req.queryConfig.pagination,
  })
  // Customers and orders are joined by hand: Query does not resolve read-only
  // links on a paginated list.
  const customerIds = [...new Set(invoices.map((i) => i.customer_id).filter((id): id is string => !!id))]
  const orderIds = [...new Set(invoices.map((i) => i.order_id).filter((id): id is string => !!id))]
  const [{ data: customers }, { data: orders }] = await Promise.all([
    customerIds.length
      ? query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: customerIds } })
      : { data: [] as { id: string }[] },
    orderIds.length
      ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
      : { data: [] as { id: string }[] },
  ])
  const byId = new Map<string, unknown>([...customers, ...orders].map((r) => [r.id, r]))
  res.json({
    invoices: invoices.map((i) => ({
      ...i,
      customer: (i.customer_id && byId.get(i.customer_id)) || null,
      order: (i.order_id && byId.get(i.order_id)) || null,
    })),
    count: metadata?.count ?? invoices.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? invoices.length,
  })
}
