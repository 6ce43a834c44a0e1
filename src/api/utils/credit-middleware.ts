import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import { type CartCreditMode, planCartCredit } from "../../workflows/credit/cart-credit"
import { refreshCartCreditWorkflow } from "../../workflows/credit/workflows/refresh-cart-credit"

async function refresh(req: MedusaRequest, cartId: string | undefined, mode: CartCreditMode = "full") {
  if (!cartId) {
    return null
  }
  try {
    // Deciding is a plain read; the workflow (and its overhead) runs only
    // when the cart's credit has to change.
    const plan = await planCartCredit(req.scope, cartId, mode)
    if (!plan.changed) {
      return plan
    }
    const { result } = await refreshCartCreditWorkflow(req.scope).run({ input: { cart_id: cartId, mode } })
    return result
  } catch (e) {
    // The route itself answers for a missing cart; a refresh that cannot run
    // now is retried by the next read, and the checkout gate still guards.
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Portico: refreshing the account credit of cart ${cartId} failed: ${(e as Error).message}`)
    return null
  }
}

/**
 * Whether the request carries a client's credentials (bearer token or a
 * session). Only a signed-in client has credit to see or spend; an anonymous
 * request skips the recompute on reads and payment set-up (the cart
 * subscriber and the checkout gate still run for every cart).
 */
export function fromSignedInClient(req: MedusaRequest) {
  const session = (req as MedusaRequest & { session?: { auth_context?: { actor_id?: string } } }).session
  return /^bearer /i.test(req.headers.authorization ?? "") || !!session?.auth_context?.actor_id
}

/**
 * `GET /store/carts/:id`: recomputes the cart's account credit before Medusa
 * reads the cart, so what the client sees is always `min(balance, total)`
 * after any change (items, coupons, taxes, region, customer).
 */
export async function refreshCreditOnCartRead(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (fromSignedInClient(req)) {
    await refresh(req, req.params.id)
  }
  next()
}

/**
 * `POST /store/payment-collections` and `POST /store/payment-collections/:id/payment-sessions`:
 * recomputes the cart's account credit before a payment is set up, so the
 * payment is for the amount left after credit.
 */
export async function refreshCreditBeforePayment(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!fromSignedInClient(req)) {
    return next()
  }
  let cartId = (req.body as { cart_id?: unknown } | undefined)?.cart_id
  if (req.params.id) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id"],
      filters: { payment_collection_id: req.params.id },
    })
    cartId = data[0]?.cart_id
  }
  await refresh(req, typeof cartId === "string" ? cartId : undefined)
  next()
}

/** The loyalty plugin's refusal when a debit exceeds the balance (its only marker). */
const PLUGIN_INSUFFICIENT_BALANCE = "Insufficient balance"

const insufficientCredit = (message: string) =>
  new PorticoError(MedusaError.Types.NOT_ALLOWED, PorticoErrorCode.INSUFFICIENT_CREDIT, message)

/**
 * `POST /store/carts/:id/complete`, the gate before payment is taken:
 *
 * - the credit the cart applies must still be covered by the balance and the
 *   total; if not (the balance was spent elsewhere, the cart changed), the
 *   cart is corrected to what the balance covers and the completion is
 *   refused with 400 `insufficient_credit`: the client reviews the new amount
 *   due and pays it;
 * - when two checkouts race for the same balance, the loyalty plugin's
 *   row-locked debit refuses the loser ("Insufficient balance", no order);
 *   that answer is turned into the same 400 `insufficient_credit`.
 *
 * A completed cart passes untouched (Medusa answers a repeated completion with
 * the order, and nothing is debited twice).
 */
export async function creditGateOnComplete(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const json = res.json.bind(res)
  res.json = (body?: unknown) => {
    const b = body as { message?: unknown } | null
    if (res.statusCode >= 400 && b?.message === PLUGIN_INSUFFICIENT_BALANCE && !res.headersSent) {
      const err = insufficientCredit(
        "Your account credit was used by another order in the meantime; review the amount due and try again"
      )
      res.status(400)
      return json({ type: err.type, code: err.code, message: err.message })
    }
    return json(body)
  }
  const plan = await refresh(req, req.params.id, "shrink_only")
  if (plan?.changed) {
    return next(
      insufficientCredit(
        `Your account credit now covers ${plan.target} ${plan.currency_code.toUpperCase()} of this cart (it applied ${plan.applied}); review the amount due and pay again`
      )
    )
  }
  next()
}
