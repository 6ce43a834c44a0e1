import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type CartCreditMode, planCartCredit } from "../cart-credit"

export const planCartCreditStepId = "portico-plan-cart-credit"

/**
 * Reads a cart and its customer's account and returns what the cart applies
 * and should apply (see `planCartCredit`). Read-only.
 */
export const planCartCreditStep = createStep(
  planCartCreditStepId,
  async (input: { cart_id: string; mode?: CartCreditMode }, { container }) =>
    new StepResponse(await planCartCredit(container, input.cart_id, input.mode))
)
