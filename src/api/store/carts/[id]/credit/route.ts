import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PorticoError, PorticoErrorCode } from "../../../../../utils/errors"
import { planCartCredit, viewCartCredit } from "../../../../../workflows/credit/cart-credit"
import { setCartCreditWorkflow } from "../../../../../workflows/credit/workflows/set-cart-credit"
import { withFieldErrors } from "../../../../utils/domain-errors"
import type { CartCreditBodyType } from "../../validators"

/** 404 unless the cart exists, is open and belongs to the logged-in client. */
async function ownCart(req: AuthenticatedMedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields: ["id", "customer_id"], filters: { id: req.params.id } })
  if (!cart || cart.customer_id !== req.auth_context.actor_id) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Cart ${req.params.id} was not found`)
  }
  return cart.id
}

/**
 * `GET /store/carts/:id/credit`: the logged-in client's account credit on
 * their cart, computed from the current balance and total (a read: nothing is
 * written; the cart's credit line follows cart and balance changes, and the
 * checkout applies it): `{ credit: { enabled, balance, applied,
 * total_before_credit, amount_due, currency_code } }`. 401 for guests, 404
 * for a cart that is not theirs.
 */
export const GET = withFieldErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cartId = await ownCart(req)
  res.json({ credit: await viewCartCredit(req.scope, await planCartCredit(req.scope, cartId)) })
})

/**
 * `POST /store/carts/:id/credit` `{ enabled }`: switches account credit on or
 * off for the cart and applies the result at once. Answers like `GET`.
 */
export const POST = withFieldErrors(
  async (req: AuthenticatedMedusaRequest<CartCreditBodyType>, res: MedusaResponse) => {
    const cartId = await ownCart(req)
    const { result } = await setCartCreditWorkflow(req.scope).run({
      input: { cart_id: cartId, enabled: req.validatedBody.enabled },
    })
    res.json({ credit: await viewCartCredit(req.scope, result) })
  }
)
