import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listInvoices } from "../../../shared/invoices"
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
  const { status, customer_id, order_id, cart_id, number, created_at } = req.validatedQuery
  const lookup = cart_id !== undefined || order_id !== undefined || number !== undefined
  const statuses = status ?? (lookup ? undefined : [...DEFAULT_INVOICE_STATUSES])
  const filters: Record<string, unknown> = {}
  for (const [key, value] of Object.entries({ status: statuses, customer_id, order_id, cart_id, number, created_at })) {
    if (value !== undefined) {
      filters[key] = value
    }
  }
  res.json(
    await listInvoices(req.scope, { filters, fields: req.queryConfig.fields, pagination: req.queryConfig.pagination })
  )
}
