import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listServiceOrderViews } from "../../../../workflows/service-order/read"
import type { StoreServiceOrderParamsType } from "./validators"

/**
 * `GET /store/portico/service-orders?status=&order_id=&limit=&offset=`: the
 * logged-in client's service orders, newest first:
 * `{ service_orders, count, limit, offset }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreServiceOrderParamsType>, res: MedusaResponse) {
  const { skip, take } = req.queryConfig.pagination
  const { status, order_id } = req.validatedQuery
  res.json(
    await listServiceOrderViews(
      req.scope,
      { status, order_id, customer_id: req.auth_context.actor_id },
      { limit: take ?? 20, offset: skip ?? 0 },
      { admin: false }
    )
  )
}
