import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { startCheckoutPaymentWorkflow } from "../../../../../workflows/payment/workflows/start-checkout-payment"

type SessionBody = { provider_id: string; data?: Record<string, unknown> }

/**
 * `POST /store/payment-collections/:id/payment-sessions`: **replaces Medusa's
 * route** at this path. Same body (validated by Medusa's middleware) and
 * answer (`{ payment_collection }`), but the session is started by
 * {@link startCheckoutPaymentWorkflow}: account credit applied first, no
 * client `data` reaching Stripe or PayPal, the card kept for renewals when the
 * cart holds a recurring service.
 */
export const POST = async (req: AuthenticatedMedusaRequest<SessionBody>, res: MedusaResponse) => {
  const body = req.validatedBody
  await startCheckoutPaymentWorkflow(req.scope).run({
    input: {
      payment_collection_id: req.params.id,
      provider_id: body.provider_id,
      customer_id: req.auth_context?.actor_id || null,
      data: body.data ?? null,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [collection],
  } = await query.graph({ entity: "payment_collection", fields: req.queryConfig.fields, filters: { id: req.params.id } })
  res.status(200).json({ payment_collection: collection })
}
