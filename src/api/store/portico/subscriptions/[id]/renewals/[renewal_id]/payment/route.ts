import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreRenewalPaymentResponse } from "../../../../../../../../contracts/http"
import { startRenewalPaymentWorkflow } from "../../../../../../../../workflows/subscription/workflows/subscription-payment"
import { subscriptionDetail } from "../../../../../../../shared/subscriptions"

/**
 * `POST /store/portico/subscriptions/:id/renewals/:renewal_id/payment { provider_id? }`:
 * the client starts paying an unpaid renewal (3-D Secure, a declined or missing
 * card): a payment session for what account credit left (Stripe:
 * `payment_session.data.client_secret` for Stripe.js), then
 * `…/complete`. 404 for another client's subscription; 400
 * `renewal_not_open` for a renewal that is not waiting for a payment.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<{ provider_id?: string }>,
  res: MedusaResponse<StoreRenewalPaymentResponse>
) {
  const customerId = req.auth_context.actor_id
  const { result } = await startRenewalPaymentWorkflow(req.scope).run({
    input: {
      subscription_id: req.params.id,
      renewal_id: req.params.renewal_id,
      customer_id: customerId,
      provider_id: req.validatedBody?.provider_id ?? null,
    },
  })
  const detail = await subscriptionDetail(req.scope, req.params.id, { customer_id: customerId })
  const renewal = detail.renewals.find((r) => r.id === req.params.renewal_id)!
  const { attempts: _a, last_error_message: _m, ...view } = renewal
  const s = result.session as { id: string; provider_id: string; amount: unknown; currency_code: string; status: string; data?: Record<string, unknown> }
  res.json({
    renewal: view,
    payment_session: {
      id: s.id,
      provider_id: s.provider_id,
      amount: Number(s.amount),
      currency_code: s.currency_code,
      status: s.status,
      data: { id: (s.data?.id as string | undefined) ?? null, client_secret: (s.data?.client_secret as string | undefined) ?? null },
    },
  })
}
