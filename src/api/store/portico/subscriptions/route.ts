import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { SubscriptionListResponse } from "../../../../contracts/http"
import type { SubscriptionListParams } from "../../../shared/subscription-changes"
import { listSubscriptionViews } from "../../../shared/subscriptions"

/**
 * `GET /store/portico/subscriptions?status=&limit=&offset=`: the logged-in
 * client's subscriptions, newest first: `{ subscriptions, count, limit, offset }`.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof SubscriptionListParams>>,
  res: MedusaResponse<SubscriptionListResponse>
) {
  const { limit, offset, status } = req.validatedQuery
  res.json(
    await listSubscriptionViews(
      req.scope,
      { customer_id: req.auth_context.actor_id, ...(status?.length ? { status } : {}) },
      { skip: offset, take: limit }
    )
  )
}
