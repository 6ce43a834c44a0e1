import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PORTICO_INVOICE_MODULE } from "../../../../../../modules/invoice"
import { InvoiceStatus } from "../../../../../../modules/invoice/constants"
import type InvoiceModuleService from "../../../../../../modules/invoice/service"
import { syncOrderInvoiceWorkflow } from "../../../../../../workflows/invoice/workflows/sync-order-invoice"
import { afterPaymentWorkflow } from "../../../../../../workflows/service-order/workflows/after-payment"
import { PorticoError, PorticoErrorCode } from "../../../../../../utils/errors"
import { listServiceOrderRows, storeServiceOrderView } from "../../../../../shared/service-orders"
import { mayAccess } from "../../../../../utils/service-order-access"
import { storeServiceOrderFields } from "../../../service-orders/query-config"

/**
 * `GET /store/portico/orders/:id/service-orders`: the service orders of an
 * order, in line order: `{ service_orders }`. When the order's invoice is
 * paid and its service orders are not there yet (the subscriber has not run),
 * they are created first, so the confirmation page can list them right away.
 * 404 for another registered client's order (a guest order is reached by id).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "customer_id", "cart.id"], filters: { id: req.params.id } })
  if (!order || !(await mayAccess(req, order.customer_id))) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Order ${req.params.id} was not found.`)
  }
  const list = async () => {
    const { rows } = await listServiceOrderRows(
      req.scope,
      storeServiceOrderFields,
      { order_id: order.id },
      { limit: 500, offset: 0, order: "created_at" }
    )
    return { service_orders: rows.map(storeServiceOrderView) }
  }
  let { service_orders } = await list()
  if (!service_orders.length && order.cart?.id) {
    await syncOrderInvoiceWorkflow(req.scope).run({ input: { order_id: order.id } })
    const invoices = req.scope.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const [invoice] = await invoices.listInvoices({ order_id: order.id }, { select: ["id", "status"] })
    if (invoice?.status === InvoiceStatus.PAID) {
      await afterPaymentWorkflow(req.scope).run({ input: { invoice_id: invoice.id } })
      ;({ service_orders } = await list())
    }
  }
  res.json({ service_orders })
}
