import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listServiceOrderRows, storeServiceOrderView } from "../../../shared/service-orders"
import { storeServiceOrderFields } from "./query-config"
import type { StoreServiceOrderParamsType } from "./validators"

/**
 * `GET /store/portico/service-orders?status=&order_id=&limit=&offset=`: the
 * logged-in client's service orders, newest first:
 * `{ service_orders, count, limit, offset }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreServiceOrderParamsType>, res: MedusaResponse) {
  const { skip, take } = req.queryConfig.pagination
  const { status, order_id } = req.validatedQuery
  const limit = take ?? 20
  const offset = skip ?? 0
  const { rows, count } = await listServiceOrderRows(
    req.scope,
    storeServiceOrderFields,
    { status, order_id, customer_id: req.auth_context.actor_id },
    { limit, offset }
  )
  res.json({ service_orders: rows.map(storeServiceOrderView), count, limit, offset })
}
