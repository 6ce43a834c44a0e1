import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import type { z } from "@medusajs/framework/zod"
import type { AdminSubscriptionResponse } from "../../../../../../contracts/http"
import { type AdminSubscriptionChange, applySubscriptionChange } from "../../../../../shared/subscription-changes"
import { subscriptionDetail } from "../../../../../shared/subscriptions"

/**
 * `POST /admin/portico/subscriptions/:id/changes`: the merchant changes a
 * subscription: the client's changes (`cancel`, `undo_cancel`, `pause`,
 * `resume`) and `{ type: "move_renewal", renewal_at }`,
 * `{ type: "retry_renewal" }` (charged at once). A change the status does
 * not allow is 400 `invalid_subscription_transition`. Answers the
 * subscription as `GET` does.
 */
export const POST = withFieldErrors(async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminSubscriptionChange>>,
  res: MedusaResponse<AdminSubscriptionResponse>
) => {
  await applySubscriptionChange(req.scope, {
    id: req.params.id,
    change: req.validatedBody,
    actor_type: "user",
    actor_id: req.auth_context.actor_id,
  })
  res.json({ subscription: await subscriptionDetail(req.scope, req.params.id, { admin: true }) })
})
