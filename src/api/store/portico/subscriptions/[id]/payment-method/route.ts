import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import type { StoreSubscriptionPaymentMethodBody, StoreSubscriptionResponse } from "../../../../../../contracts/http"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../../../../modules/subscription"
import type SubscriptionModuleService from "../../../../../../modules/subscription/service"
import { setSubscriptionPaymentMethodWorkflow } from "../../../../../../workflows/subscription/workflows/subscription-payment"
import { applySubscriptionChange } from "../../../../../shared/subscription-changes"
import { subscriptionDetail } from "../../../../../shared/subscriptions"

/**
 * `POST /store/portico/subscriptions/:id/payment-method { payment_method_id }`:
 * the card the client confirmed (it must be saved on their own Stripe
 * customer, else 400 `invalid_payment_method`) pays the next renewals; an
 * unpaid renewal is charged with it at once. Answers `{ subscription }`.
 */
export const POST = withFieldErrors(async (
  req: AuthenticatedMedusaRequest<StoreSubscriptionPaymentMethodBody>,
  res: MedusaResponse<StoreSubscriptionResponse>
) => {
  const customerId = req.auth_context.actor_id
  await setSubscriptionPaymentMethodWorkflow(req.scope).run({
    input: {
      subscription_id: req.params.id,
      customer_id: customerId,
      payment_method_id: req.validatedBody.payment_method_id,
      actor_type: "customer",
      actor_id: customerId,
    },
  })
  const open = await req.scope
    .resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    .listSubscriptionRenewals({ subscription_id: req.params.id, status: ["requires_action", "retrying"] }, { select: ["id"] })
  if (open.length) {
    await applySubscriptionChange(req.scope, {
      id: req.params.id,
      change: { type: "retry_renewal" },
      actor_type: "customer",
      actor_id: customerId,
      customer_id: customerId,
    })
  }
  const { history: _h, ...subscription } = await subscriptionDetail(req.scope, req.params.id, { customer_id: customerId })
  res.json({ subscription })
})
