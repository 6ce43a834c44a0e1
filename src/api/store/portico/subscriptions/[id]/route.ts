import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSubscriptionResponse } from "../../../../../contracts/http"
import { subscriptionDetail } from "../../../../shared/subscriptions"

/**
 * `GET /store/portico/subscriptions/:id`: one of the client's subscriptions
 * with its renewals (status, amount, credit used, invoice number): `{ subscription }`.
 * Another client's subscription is a 404.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSubscriptionResponse>) {
  const { history: _history, ...subscription } = await subscriptionDetail(req.scope, req.params.id, {
    customer_id: req.auth_context.actor_id,
  })
  res.json({ subscription })
}
