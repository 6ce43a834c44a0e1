import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { authorizeRenewalPaymentStep, startRenewalPaymentStep } from "../steps/renewal-payment"
import { setSubscriptionPaymentMethodStep, setupSubscriptionCardStep } from "../steps/subscription-card"

/** The subscription's lock (the renewal job's): payments and card changes never interleave with a renewal. */
function lockKey(input: { subscription_id: string }) {
  return transform({ input }, ({ input }) => `portico-subscription:${input.subscription_id}`)
}

/**
 * Starts saving a new card for a subscription (a Stripe SetupIntent on the
 * client's Stripe customer): `{ id, client_secret, provider_id }` for the
 * browser to confirm. See {@link setupSubscriptionCardStep}.
 */
export const setupSubscriptionCardWorkflow = createWorkflow(
  "portico-setup-subscription-card",
  (input: { subscription_id: string; customer_id?: string | null }) => new WorkflowResponse(setupSubscriptionCardStep(input))
)

/**
 * Makes a confirmed card the subscription's payment method (it must be on
 * the client's own Stripe customer). The caller then retries an unpaid
 * renewal with it. See {@link setSubscriptionPaymentMethodStep}.
 */
export const setSubscriptionPaymentMethodWorkflow = createWorkflow(
  "portico-set-subscription-payment-method",
  (input: {
    subscription_id: string
    customer_id?: string | null
    payment_method_id: string
    actor_type: "customer" | "user"
    actor_id?: string | null
  }) => {
    const key = lockKey(input)
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const result = setSubscriptionPaymentMethodStep(input)
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)

/**
 * Starts paying an unpaid renewal from the portal: a payment session for
 * what credit left. See {@link startRenewalPaymentStep}.
 */
export const startRenewalPaymentWorkflow = createWorkflow(
  "portico-start-renewal-payment",
  (input: { subscription_id: string; renewal_id: string; customer_id?: string | null; provider_id?: string | null }) => {
    const key = lockKey(input)
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const result = startRenewalPaymentStep(input)
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)

/**
 * Authorizes the renewal payment the client confirmed in the browser
 * (`payment_declined` / `payment_requires_action` otherwise); the caller then
 * runs `renewSubscriptionWorkflow`, which finds the payment and places the
 * period's order. See {@link authorizeRenewalPaymentStep}.
 */
export const authorizeRenewalPaymentWorkflow = createWorkflow(
  "portico-authorize-renewal-payment",
  (input: { subscription_id: string; renewal_id: string; customer_id?: string | null; actor_type?: "customer" | "system" }) => {
    const key = lockKey(input)
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const result = authorizeRenewalPaymentStep(input)
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)
