import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refundPaymentWithinPaidWorkflow } from "../../../../../workflows/payment/workflows/refund-payment-within-paid"
import { withFieldErrors } from "../../../../utils/domain-errors"

type RefundBody = { amount?: number; note?: string; refund_reason_id?: string }

/**
 * `POST /admin/payments/:id/refund`: **replaces Medusa's route** at this path.
 * Same body (validated by Medusa's own middleware), same answer
 * (`{ payment }` with the requested `fields`), but the refund runs
 * {@link refundPaymentWithinPaidWorkflow}: it never exceeds what the order
 * can still refund once refunds to account credit are counted (400
 * `refund_exceeds_paid` with `refundable`, nothing sent to the provider).
 */
export const POST = withFieldErrors(async (req: AuthenticatedMedusaRequest<RefundBody>, res: MedusaResponse) => {
  await refundPaymentWithinPaidWorkflow(req.scope).run({
    input: { ...req.validatedBody, payment_id: req.params.id, created_by: req.auth_context.actor_id },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({ entity: "payment", fields: req.queryConfig.fields, filters: { id: req.params.id } })
  res.status(200).json({ payment })
})
