import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, PromotionActions } from "@medusajs/framework/utils"
import { applyCartPromotionsWorkflow } from "../../../../../workflows/credit/workflows/apply-cart-promotions"

type PromotionsBody = { promo_codes: string[] }

async function apply(req: MedusaRequest<PromotionsBody>, res: MedusaResponse, action: PromotionActions) {
  await applyCartPromotionsWorkflow(req.scope).run({
    input: { cart_id: req.params.id, promo_codes: req.validatedBody.promo_codes, action },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields: req.queryConfig.fields, filters: { id: req.params.id } })
  res.status(200).json({ cart })
}

/**
 * `POST /store/carts/:id/promotions`: **replaces Medusa's route** at this
 * path (same body and answer). The codes are applied as Medusa applies them
 * (`add`, or `replace` with an empty list), then the cart's account credit
 * follows the new total ({@link applyCartPromotionsWorkflow}): Medusa emits
 * no event for a coupon.
 */
export const POST = (req: MedusaRequest<PromotionsBody>, res: MedusaResponse) =>
  apply(req, res, req.validatedBody.promo_codes.length > 0 ? PromotionActions.ADD : PromotionActions.REPLACE)

/** `DELETE /store/carts/:id/promotions`: **replaces Medusa's route**; removes the codes, then the credit follows. */
export const DELETE = (req: MedusaRequest<PromotionsBody>, res: MedusaResponse) => apply(req, res, PromotionActions.REMOVE)
