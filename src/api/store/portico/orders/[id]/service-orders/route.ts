import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PorticoError, PorticoErrorCode } from "../../../../../../utils/errors"
import { listServiceOrderRows, storeServiceOrderView } from "../../../../../shared/service-orders"
import { mayAccess } from "../../../../../utils/service-order-access"
import { storeServiceOrderFields } from "../../../service-orders/query-config"

/**
 * `GET /store/portico/orders/:id/service-orders`: the service orders of an
 * order, in line order: `{ service_orders }` (created when the order is paid:
 * at the checkout, `completeCheckoutWorkflow`, or by the
 * `portico.invoice.paid` subscriber). A read: nothing is written. 404 for
 * another registered client's order (a guest order is reached by id).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: req.params.id } })
  if (!order || !(await mayAccess(req, order.customer_id))) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Order ${req.params.id} was not found.`)
  }
  const { rows } = await listServiceOrderRows(
    req.scope,
    storeServiceOrderFields,
    { order_id: order.id },
    { limit: 500, offset: 0, order: "created_at" }
  )
  const service_orders = rows.map(storeServiceOrderView)
  res.json({ service_orders })
}
