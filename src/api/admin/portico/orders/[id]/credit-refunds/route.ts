import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PorticoError, PorticoErrorCode } from "../../../../../../utils/errors"
import { orderCreditRefundState } from "../../../../../../workflows/credit/order-refunds"
import { refundOrderToCreditWorkflow } from "../../../../../../workflows/credit/workflows/refund-order-to-credit"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import type { CreditRefundBodyType } from "../../validators"

async function stateOr404(req: AuthenticatedMedusaRequest) {
  const state = await orderCreditRefundState(req.scope, req.params.id)
  if (!state) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Order ${req.params.id} was not found`)
  }
  return state
}

/**
 * `GET /admin/portico/orders/:id/credit-refunds`: what the order can still
 * refund to the client's account credit: `{ refund: { captured,
 * refunded_to_gateway, credit_used, refunded_to_credit, refundable,
 * currency_code, customer_id } }`.
 */
export const GET = withFieldErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ refund: await stateOr404(req) })
})

/**
 * `POST /admin/portico/orders/:id/credit-refunds` `{ amount, note? }`: refunds
 * (part of) the order to the client's account credit instead of the payment
 * provider. 400 `refund_exceeds_paid` beyond what is left to refund,
 * `guest_customer` for a guest's order; 404 for an unknown order. Returns
 * `{ transaction, refund }`.
 */
export const POST = withFieldErrors(
  async (req: AuthenticatedMedusaRequest<CreditRefundBodyType>, res: MedusaResponse) => {
    const { result } = await refundOrderToCreditWorkflow(req.scope).run({
      input: { order_id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
    })
    res.json({ transaction: result, refund: await stateOr404(req) })
  }
)
