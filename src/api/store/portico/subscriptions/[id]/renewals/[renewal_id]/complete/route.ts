import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSubscriptionResponse } from "../../../../../../../../contracts/http"
import { authorizeRenewalPaymentWorkflow } from "../../../../../../../../workflows/subscription/workflows/subscription-payment"
import { renewSubscriptionWorkflow } from "../../../../../../../../workflows/subscription/workflows/renew-subscription"
import { subscriptionDetail } from "../../../../../../../shared/subscriptions"

/**
 * `POST /store/portico/subscriptions/:id/renewals/:renewal_id/complete`: after
 * the browser confirmed the renewal's payment: authorized, the period's order
 * placed and the subscription back to `active` (the card paid with becomes
 * the subscription's). 400 `payment_declined` / `payment_requires_action`
 * when the payment did not go through (nothing changes).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSubscriptionResponse>) {
  const customerId = req.auth_context.actor_id
  await authorizeRenewalPaymentWorkflow(req.scope).run({
    input: { subscription_id: req.params.id, renewal_id: req.params.renewal_id, customer_id: customerId },
  })
  await renewSubscriptionWorkflow(req.scope).run({ input: { subscription_id: req.params.id } })
  const { history: _h, ...subscription } = await subscriptionDetail(req.scope, req.params.id, { customer_id: customerId })
  res.json({ subscription })
}
