import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { listServiceOrderRows, storeServiceOrderView } from "../../../../../shared/service-orders"
import { mayAccessOrder, orderNotFound } from "../../../../../utils/order-access"
import { storeServiceOrderFields } from "../../../service-orders/query-config"

/**
 * `GET /store/portico/orders/:id/service-orders`: the service orders of an
 * order, in line order: `{ service_orders }` (created when the order is paid:
 * at the checkout, `completeCheckoutWorkflow`, or by the
 * `portico.invoice.paid` subscriber). A read: nothing is written. Only for
 * the order's logged-in customer, or with the order's access token
 * (`x-portico-order-token`); anyone else gets a 404, guest orders included.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: req.params.id } })
  if (!order || !mayAccessOrder(req, order)) {
    throw orderNotFound(req.params.id)
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
