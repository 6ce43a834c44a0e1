import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setCartCreditPreferenceStep } from "../steps/set-cart-credit-preference"
import { refreshCartCreditWorkflow } from "./refresh-cart-credit"

export const setCartCreditWorkflowId = "portico-set-cart-credit"

/**
 * Switches account credit on or off for one cart and applies the result at
 * once (`min(balance, total)` when on, nothing when off). Ownership is the
 * caller's concern (`POST /store/carts/:id/credit` checks it).
 *
 * @example
 * await setCartCreditWorkflow(container).run({ input: { cart_id, enabled: false } })
 */
export const setCartCreditWorkflow = createWorkflow(
  setCartCreditWorkflowId,
  (input: { cart_id: string; enabled: boolean }) => {
    setCartCreditPreferenceStep(input)
    // Decided under the cart's lock: a refresh running meanwhile (after a cart
    // change) may have planned with the switch as it was.
    const plan = refreshCartCreditWorkflow.runAsStep({ input: { cart_id: input.cart_id, locked_decision: true } })
    return new WorkflowResponse(plan)
  }
)
