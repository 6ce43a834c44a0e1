import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { InvoiceListParamsType } from "./validators"

/**
 * `GET /admin/portico/invoices`: invoices, newest first, filtered by `status`
 * (one or several), `customer_id`, `order_id`, `cart_id`, `number` and
 * `created_at` (`created_at[gte]=…&created_at[lte]=…`), paginated. Each comes
 * with its customer and order display id. Returns `{ invoices, count, offset, limit }`.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, InvoiceListParamsType>,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { status, customer_id, order_id, cart_id, number, created_at } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  for (const [key, value] of Object.entries({ status, customer_id, order_id, cart_id, number, created_at })) {
    if (value !== undefined) {
      filters[key] = value
    }
  }
  const { data: invoices, metadata } = await query.graph({
    entity: "invoice",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    invoices,
    count: metadata?.count ?? invoices.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? invoices.length,
  })
}
