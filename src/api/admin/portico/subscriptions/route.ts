import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { SubscriptionListResponse } from "../../../../contracts/http"
import type { AdminSubscriptionListParams } from "../../../shared/subscription-changes"
import { listSubscriptionViews } from "../../../shared/subscriptions"

/**
 * `GET /admin/portico/subscriptions?status=&customer_id=&product_id=&renews_before=&limit=&offset=`:
 * subscriptions, newest first: `{ subscriptions, count, limit, offset }`.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof AdminSubscriptionListParams>>,
  res: MedusaResponse<SubscriptionListResponse>
) {
  const { limit, offset, status, customer_id, product_id, renews_before } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (status?.length) {
    filters.status = status
  }
  if (customer_id) {
    filters.customer_id = customer_id
  }
  if (product_id) {
    filters.product_id = product_id
  }
  if (renews_before) {
    filters.current_period_end = { $lte: new Date(renews_before) }
  }
  res.json(await listSubscriptionViews(req.scope, filters, { skip: offset, take: limit }))
}
