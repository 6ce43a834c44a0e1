import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSubscriptionCardSetupResponse } from "../../../../../../../contracts/http"
import { setupSubscriptionCardWorkflow } from "../../../../../../../workflows/subscription/workflows/subscription-payment"

/**
 * `POST /store/portico/subscriptions/:id/payment-method/setup`: a Stripe
 * SetupIntent for a new card on the client's Stripe customer:
 * `{ setup: { id, client_secret, provider_id } }`; the browser confirms it
 * (`stripe.confirmCardSetup`), then `POST …/payment-method`.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSubscriptionCardSetupResponse>) {
  const { result } = await setupSubscriptionCardWorkflow(req.scope).run({
    input: { subscription_id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  res.json({ setup: result })
}
