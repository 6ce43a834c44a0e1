import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import type { z } from "@medusajs/framework/zod"
import type { StoreSubscriptionResponse } from "../../../../../../contracts/http"
import { applySubscriptionChange, type StoreSubscriptionChange } from "../../../../../shared/subscription-changes"
import { subscriptionDetail } from "../../../../../shared/subscriptions"

/**
 * `POST /store/portico/subscriptions/:id/changes`: the client changes their
 * subscription: `{ type: "cancel", at_period_end?, refund_unused?, reason? }`,
 * `{ type: "undo_cancel" }`, `{ type: "pause", resume_at? }`,
 * `{ type: "resume" }` (`changeSubscriptionWorkflow`, with the client as
 * owner: another client's subscription is a 404). A change the status does
 * not allow is 400 `invalid_subscription_transition`. Answers the
 * subscription as `GET` does.
 */
export const POST = withFieldErrors(async (
  req: AuthenticatedMedusaRequest<z.infer<typeof StoreSubscriptionChange>>,
  res: MedusaResponse<StoreSubscriptionResponse>
) => {
  const customerId = req.auth_context.actor_id
  await applySubscriptionChange(req.scope, {
    id: req.params.id,
    change: req.validatedBody,
    actor_type: "customer",
    actor_id: customerId,
    customer_id: customerId,
  })
  const { history: _history, ...subscription } = await subscriptionDetail(req.scope, req.params.id, { customer_id: customerId })
  res.json({ subscription })
})
