import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { storeServiceOrderDetail } from "../helpers"
import { accessibleServiceOrder } from "../../../../utils/order-access"

/**
 * `GET /store/portico/service-orders/:id`: `{ service_order }` with its status
 * history and intake (the form to fill while pending, the answers once
 * submitted). 404 for another client's service order.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await accessibleServiceOrder(req, req.params.id)
  res.json({ service_order: await storeServiceOrderDetail(req.scope, req.params.id) })
}
