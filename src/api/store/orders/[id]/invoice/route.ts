import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { syncOrderInvoiceWorkflow } from "../../../../../workflows/invoice/workflows/sync-order-invoice"
import { findInvoice } from "../../../../shared/invoices"
import { PorticoError, PorticoErrorCode } from "../../../../../utils/errors"
import { ownedByCaller } from "../../../../utils/ownership"

/**
 * `GET /store/orders/:id/invoice`: the invoice of an order placed from a cart,
 * brought in line with the order first (so the confirmation page has its
 * number even before the `order.placed` subscriber has run). Returns
 * `{ invoice }` with its lines. 404 when the order does not exist, was not
 * placed from a cart, or belongs to another registered customer than the one
 * logged in (a guest order is reached by its id, as Medusa's own order route).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const notFound = new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Order ${req.params.id} has no invoice.`)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "customer.has_account", "cart.id"],
    filters: { id: req.params.id },
  })
  if (!order?.cart?.id || !ownedByCaller(req, order)) {
    throw notFound
  }
  await syncOrderInvoiceWorkflow(req.scope).run({ input: { order_id: order.id } })
  const invoice = await findInvoice(req.scope, { order_id: order.id })
  if (!invoice) {
    throw notFound
  }
  res.json({ invoice })
}
