import { acquireLockStep, releaseLockStep, updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import type { PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshCartCreditWorkflow } from "./refresh-cart-credit"

export const applyCartPromotionsWorkflowId = "portico-apply-cart-promotions"

export type ApplyCartPromotionsInput = {
  cart_id: string
  promo_codes: string[]
  action: `${PromotionActions}`
}

/**
 * Adds, replaces or removes a cart's promotion codes with Medusa's
 * `updateCartPromotionsWorkflow` (under the cart's lock, payment collection
 * refreshed), then brings the cart's account credit in line with the new
 * total (`refreshCartCreditWorkflow`). Medusa emits no event for a coupon,
 * so this is where a coupon's effect on the credit is written.
 *
 * Portico's `POST` / `DELETE /store/carts/:id/promotions` run it.
 *
 * @example
 * await applyCartPromotionsWorkflow(container).run({ input: { cart_id, promo_codes: ["WELCOME10"], action: "add" } })
 */
export const applyCartPromotionsWorkflow = createWorkflow(
  applyCartPromotionsWorkflowId,
  (input: ApplyCartPromotionsInput) => {
    acquireLockStep({ key: input.cart_id, timeout: 2, ttl: 10 })
    const result = updateCartPromotionsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        cart_id: input.cart_id,
        promo_codes: input.promo_codes,
        action: input.action as PromotionActions,
        force_refresh_payment_collection: true,
      })),
    })
    releaseLockStep({ key: input.cart_id })
    refreshCartCreditWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ cart_id: input.cart_id })) })
    return new WorkflowResponse(result)
  }
)
