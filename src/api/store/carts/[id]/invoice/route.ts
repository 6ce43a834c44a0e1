import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { cartInvoiceView, invoiceCartFields } from "../../../../../workflows/invoice/cart-snapshot"
import { findInvoice } from "../../../../shared/invoices"
import { PorticoError, PorticoErrorCode } from "../../../../../utils/errors"
import { ownedByCaller } from "../../../../utils/ownership"

/**
 * `GET /store/carts/:id/invoice`: the cart's invoice as it stands now
 * (`cartInvoiceView`: while the cart is open its totals and lines are the
 * cart's current ones, even for changes Medusa emits no event for, such as a
 * coupon). A read: nothing is written. Returns `{ invoice }` with its lines.
 * 404 when the cart does not exist, has never had an item, or belongs to
 * another registered customer than the one logged in.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const notFound = new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Cart ${req.params.id} has no invoice.`)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: [...invoiceCartFields, "customer.has_account"],
    filters: { id: req.params.id },
  })
  if (!cart || !ownedByCaller(req, cart)) {
    throw notFound
  }
  const invoice = cartInvoiceView(await findInvoice(req.scope, { cart_id: cart.id }), cart)
  if (!invoice) {
    throw notFound
  }
  res.json({ invoice })
}
