import { acquireLockStep, createPaymentSessionsWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshCartCreditWorkflow } from "../../credit/workflows/refresh-cart-credit"
import { checkoutPaymentDataStep } from "../steps/checkout-payment-data"
import { paymentCollectionCartStep } from "../steps/payment-collection-cart"

export const startCheckoutPaymentWorkflowId = "portico-start-checkout-payment"

export type StartCheckoutPaymentInput = {
  payment_collection_id: string
  provider_id: string
  /** The signed-in client, if any. */
  customer_id?: string | null
  /** What the client sent for the provider (kept only for providers that take it). */
  data?: Record<string, unknown> | null
  context?: Record<string, unknown>
}

/**
 * Starts paying a cart with a provider: the cart's account credit is brought
 * up to date first (`refreshCartCreditWorkflow`), so the payment is for what
 * is left after credit; the session's data is Portico's decision
 * ({@link checkoutPaymentDataStep}: no client data to Stripe or PayPal, the
 * card kept for renewals when the cart holds a recurring service, on the
 * cart's customer, a guest's too); then
 * Medusa's `createPaymentSessionsWorkflow` creates the session (and the
 * client's provider customer), replacing the collection's other sessions.
 *
 * Portico's `POST /store/payment-collections/:id/payment-sessions` runs it.
 *
 * @example
 * await startCheckoutPaymentWorkflow(container).run({
 *   input: { payment_collection_id, provider_id: "pp_stripe_stripe", customer_id },
 * })
 */
export const startCheckoutPaymentWorkflow = createWorkflow(
  startCheckoutPaymentWorkflowId,
  (input: StartCheckoutPaymentInput) => {
    const cart = paymentCollectionCartStep(
      transform({ input }, ({ input }) => ({ payment_collection_id: input.payment_collection_id }))
    )
    // A change of the cart's credit in flight (a subscriber holds the cart's
    // lock while it rewrites the credit line and the collection's amount)
    // finishes before the credit is decided here.
    const barrier = transform({ cart, input }, ({ cart, input }) => cart.cart_id ?? `payment-collection:${input.payment_collection_id}`)
    acquireLockStep({ key: barrier, timeout: 10, ttl: 30 })
    releaseLockStep({ key: barrier })
    when("cart-payment", { cart }, ({ cart }) => !!cart.cart_id).then(() => {
      refreshCartCreditWorkflow.runAsStep({
        input: transform({ cart }, ({ cart }) => ({ cart_id: cart.cart_id as string })),
      })
    })
    const decided = checkoutPaymentDataStep(
      transform({ input }, ({ input }) => ({
        payment_collection_id: input.payment_collection_id,
        provider_id: input.provider_id,
        customer_id: input.customer_id ?? null,
        data: input.data ?? null,
      }))
    )
    const session = createPaymentSessionsWorkflow.runAsStep({
      input: transform({ input, decided }, ({ input, decided }) => ({
        payment_collection_id: input.payment_collection_id,
        provider_id: input.provider_id,
        customer_id: decided.customer_id ?? undefined,
        data: decided.data ?? undefined,
        context: input.context,
      })),
    })
    return new WorkflowResponse(session)
  }
)
