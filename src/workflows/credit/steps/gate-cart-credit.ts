import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"
import { planCartCredit } from "../cart-credit"
import { refreshCartCreditWorkflow } from "../workflows/refresh-cart-credit"

export const gateCartCreditStepId = "portico-gate-cart-credit"

/**
 * The account-credit gate before a cart is paid: the credit the cart applies
 * must still be covered by the client's balance and the cart's total. When it
 * is not (the balance was spent elsewhere, the cart changed), the cart is
 * corrected to what the balance covers (`refreshCartCreditWorkflow` in
 * `checkout` mode, committed on its own: the correction stays) and the step
 * fails with 400 `insufficient_credit`, so the client reviews the new amount
 * due before anything is charged. A completed cart passes untouched. Once a
 * payment was started, a grant made meanwhile never raises what the client
 * agreed to pay. Before (no payment collection: a cart the credit covers
 * needs none), the cart applies what the balance covers and the completion
 * goes on when that is at least what it applied: a cart completed right after
 * its last change, before the background refresh wrote its credit
 * (`PORTICO_CART_CREDIT_DELAY_MS`), is paid with the credit the client was shown.
 */
export const gateCartCreditStep = createStep(gateCartCreditStepId, async (input: { cart_id: string }, { container }) => {
  const plan = await planCartCredit(container, input.cart_id, "checkout")
  if (plan.completed || !plan.changed) {
    return new StepResponse({ applied: plan.applied })
  }
  const { result } = await refreshCartCreditWorkflow(container).run({
    input: { cart_id: input.cart_id, mode: "checkout" },
  })
  if (!result.payment_collection_id && result.target >= plan.applied) {
    return new StepResponse({ applied: result.target })
  }
  throw new PorticoError(
    MedusaError.Types.NOT_ALLOWED,
    PorticoErrorCode.INSUFFICIENT_CREDIT,
    `Your account credit now covers ${result.target} ${result.currency_code.toUpperCase()} of this cart (it applied ${plan.applied}); review the amount due and pay again`,
    { details: { applied: result.target, previous_applied: plan.applied, currency_code: result.currency_code } }
  )
})
