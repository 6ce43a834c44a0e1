import { prepareRetrieveQuery } from "@medusajs/framework"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { completeCheckoutWorkflow } from "../../../../../workflows/checkout/workflows/complete-checkout"
import { orderAccessToken } from "../../../../utils/order-access"

/** Error types Medusa answers with `200 { type: "cart", cart, error }` (the client can act on them). */
const ANSWERED_WITH_CART = new Set<string>([
  MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
  MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR,
])

/**
 * `POST /store/carts/:id/complete`: **replaces Medusa's route** at this path
 * and answers the same way (`{ type: "order", order }`, or `{ type: "cart",
 * cart, error }` for the payment errors Medusa answers with 200, otherwise
 * Medusa's 4xx), but places the order through
 * {@link completeCheckoutWorkflow}: the account-credit gate first (400
 * `insufficient_credit`), and a refused payment carries a stable `code`
 * (`payment_declined`, `payment_requires_action`) read from the payment
 * session's status.
 *
 * Beside `type` and `order`, a placed order's answer carries
 * `order_access_token`: a signed token (one hour) with which the browser that
 * placed the order reads its invoice, payment instructions and service orders
 * and fills its intake forms before logging in (header
 * `x-portico-order-token`). Stock clients ignore the extra field.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const cartId = req.params.id
  const { result, errors } = await completeCheckoutWorkflow(req.scope).run({
    input: { cart_id: cartId },
    throwOnError: false,
  })
  const error = errors?.[0]?.error as (Error & { type?: string; code?: string }) | undefined
  if (error) {
    if (!error.type || !ANSWERED_WITH_CART.has(error.type)) {
      throw error
    }
    const cartQuery = await prepareRetrieveQuery({}, { defaults: defaultStoreCartFields })
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [cart],
    } = await query.graph({ entity: "cart", fields: cartQuery.remoteQueryConfig.fields, filters: { id: cartId } })
    res.status(200).json({
      type: "cart",
      cart,
      error: { message: error.message, name: error.name, type: error.type, ...(error.code ? { code: error.code } : {}) },
    })
    return
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: req.queryConfig.fields, filters: { id: result.order_id } })
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  res.status(200).json({ type: "order", order, order_access_token: orderAccessToken(config, result.order_id) })
}
