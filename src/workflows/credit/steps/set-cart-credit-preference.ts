import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CART_CREDIT_PREFERENCE_KEY } from "../constants"

export const setCartCreditPreferenceStepId = "portico-set-cart-credit-preference"

/**
 * Records the client's choice to use account credit on a cart (cart metadata
 * `portico_credit`: `"on"` / `"off"`), keeping the rest of the metadata.
 * Compensation restores the previous metadata.
 */
export const setCartCreditPreferenceStep = createStep(
  setCartCreditPreferenceStepId,
  async (input: { cart_id: string; enabled: boolean }, { container }) => {
    const carts = container.resolve(Modules.CART)
    const cart = await carts.retrieveCart(input.cart_id, { select: ["id", "metadata"] })
    const previous = (cart.metadata ?? null) as Record<string, unknown> | null
    await carts.updateCarts(cart.id, {
      metadata: { ...(previous ?? {}), [CART_CREDIT_PREFERENCE_KEY]: input.enabled ? "on" : "off" },
    })
    return new StepResponse(void 0, { id: cart.id, metadata: previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve(Modules.CART).updateCarts(undo.id, { metadata: undo.metadata })
  }
)
