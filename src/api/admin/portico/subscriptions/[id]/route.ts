import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSubscriptionResponse } from "../../../../../contracts/http"
import { subscriptionDetail } from "../../../../shared/subscriptions"

/**
 * `GET /admin/portico/subscriptions/:id`: a subscription with its renewals
 * (each with its charge attempts: time, amount, outcome, code, idempotency
 * key) and its history: `{ subscription }`.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSubscriptionResponse>) {
  res.json({ subscription: await subscriptionDetail(req.scope, req.params.id, { admin: true }) })
}
