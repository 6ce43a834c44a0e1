import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminServiceOrderView, listServiceOrderRows } from "../../../shared/service-orders"
import { adminServiceOrderFields } from "./query-config"
import type { AdminServiceOrderParamsType } from "./validators"

/**
 * `GET /admin/portico/service-orders?status=&product_id=&customer_id=&order_id=&order=&limit=&offset=`:
 * the merchant's work queue, newest first (`order=created_at` for oldest
 * first): `{ service_orders, count, limit, offset }` with invoice number and
 * customer.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminServiceOrderParamsType>, res: MedusaResponse) {
  const { skip, take } = req.queryConfig.pagination
  const { status, product_id, customer_id, order_id, order } = req.validatedQuery
  const limit = take ?? 20
  const offset = skip ?? 0
  const { rows, count } = await listServiceOrderRows(
    req.scope,
    adminServiceOrderFields,
    { status, product_id, customer_id, order_id },
    { limit, offset, order: order === "created_at" ? "created_at" : "-created_at" }
  )
  res.json({ service_orders: rows.map(adminServiceOrderView), count, limit, offset })
}
