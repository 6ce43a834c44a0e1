import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { findInvoice } from "../../../../shared/invoices"
import { PorticoError, PorticoErrorCode } from "../../../../../utils/errors"
import { mayAccessOrder } from "../../../../utils/order-access"

/**
 * `GET /store/orders/:id/invoice`: the invoice of an order placed from a cart
 * (opened with its number when the order was placed: at the checkout,
 * `completeCheckoutWorkflow`, or by the `order.placed` subscriber for an
 * order placed by a payment webhook). A read: nothing is written. Returns
 * `{ invoice }` with its lines. 404 when the order does not exist, was not
 * placed from a cart, or the caller is neither its logged-in customer nor
 * holds its access token (`x-portico-order-token`, right after checkout).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const notFound = new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Order ${req.params.id} has no invoice.`)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "cart.id"],
    filters: { id: req.params.id },
  })
  if (!order?.cart?.id || !mayAccessOrder(req, order)) {
    throw notFound
  }
  const invoice = await findInvoice(req.scope, { order_id: order.id })
  if (!invoice) {
    throw notFound
  }
  res.json({ invoice })
}
