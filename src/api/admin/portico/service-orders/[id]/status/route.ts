import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeServiceOrderStatusWorkflow } from "../../../../../../workflows/service-order/workflows/change-service-order-status"
import { adminServiceOrderDetail } from "../../helpers"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import type { ServiceOrderStatusBodyType } from "../../validators"

/**
 * `POST /admin/portico/service-orders/:id/status` `{ status, note?, refund_amount? }`:
 * moves the service order (400 `invalid_transition` for a move that makes no
 * sense), recording who and the note; with `canceled`, `refund_amount` goes
 * to the client's account credit (`refund_exceeds_paid`, `too_precise`,
 * `guest_customer` refuse it and leave the status as it was). Returns `{ service_order }`.
 */
export const POST = withFieldErrors(async (req: AuthenticatedMedusaRequest<ServiceOrderStatusBodyType>, res: MedusaResponse) => {
  const { status, note, refund_amount } = req.validatedBody
  await changeServiceOrderStatusWorkflow(req.scope).run({
    input: { id: req.params.id, status, note, refund_amount, actor_id: req.auth_context.actor_id },
  })
  res.json({ service_order: await adminServiceOrderDetail(req.scope, req.params.id) })
})
