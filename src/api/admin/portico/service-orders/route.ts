import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listServiceOrderViews } from "../../../../workflows/service-order/read"
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
  res.json(
    await listServiceOrderViews(
      req.scope,
      { status, product_id, customer_id, order_id },
      { limit: take ?? 20, offset: skip ?? 0, order: order === "created_at" ? "created_at" : "-created_at" },
      { admin: true }
    )
  )
}
