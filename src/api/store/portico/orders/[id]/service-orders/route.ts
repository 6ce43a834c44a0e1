import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { listServiceOrderViews } from "../../../../../../workflows/service-order/read"
import { PorticoError, PorticoErrorCode } from "../../../../../../utils/errors"
import { mayAccess } from "../../../../../utils/service-order-access"

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
  const { service_orders } = await listServiceOrderViews(
    req.scope,
    { order_id: order.id },
    { limit: 500, offset: 0, order: "created_at" },
    { admin: false }
  )
  res.json({ service_orders })
}
