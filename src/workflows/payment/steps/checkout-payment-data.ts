import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const checkoutPaymentDataStepId = "portico-checkout-payment-data"

/** Medusa's Stripe providers (`pp_stripe_<id>`, and its method variants). */
const STRIPE = /^pp_stripe(-[a-z0-9]+)?_/
/** Portico's PayPal provider. */
const PAYPAL = /^pp_paypal_/

export type CheckoutPaymentDataInput = {
  payment_collection_id: string
  provider_id: string
  /** The signed-in client, if any (Medusa gives the session a provider customer only then). */
  customer_id?: string | null
  /** What the client sent. */
  data?: Record<string, unknown> | null
}

/**
 * Decides the `data` a payment session is created with. Stripe and PayPal
 * get nothing a client sent (the Stripe provider would pass it on to the
 * PaymentIntent: capture method, payment method, …): the merchant's
 * configuration decides. When a signed-in client's cart holds a recurring
 * service, Stripe is asked to keep the card for the renewals
 * (`setup_future_usage: "off_session"`), a guest's too: the session is then
 * created for the cart's customer (`customer_id` in the answer), so Stripe has
 * a customer to keep the card on. Other providers (bank transfer, Medusa's
 * system provider) get the client's data as Medusa would pass it.
 */
export const checkoutPaymentDataStep = createStep(
  checkoutPaymentDataStepId,
  async (input: CheckoutPaymentDataInput, { container }) => {
    const stripe = STRIPE.test(input.provider_id)
    const customer_id = input.customer_id ?? null
    if (!stripe && !PAYPAL.test(input.provider_id)) {
      return new StepResponse({ data: input.data ?? undefined, customer_id })
    }
    const data: Record<string, unknown> = {}
    const recurring = stripe ? await recurringCart(container, input.payment_collection_id) : null
    if (recurring) {
      data.setup_future_usage = "off_session"
      return new StepResponse({ data, customer_id: customer_id ?? recurring.customer_id })
    }
    return new StepResponse({ data, customer_id })
  }
)

/** The cart of a collection when it holds a recurring service (with its customer), else null. */
async function recurringCart(container: MedusaContainer, paymentCollectionId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: paymentCollectionId },
  })
  const cartId = (links[0] as { cart_id?: string } | undefined)?.cart_id
  if (!cartId) {
    return null
  }
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "items.product.service_settings.billing_type"],
    filters: { id: cartId },
  })
  type Item = { product?: { service_settings?: { billing_type?: string } | null } | null } | null
  const recurring = ((cart?.items ?? []) as Item[]).some((item) => item?.product?.service_settings?.billing_type === "recurring")
  return recurring ? { customer_id: (cart?.customer_id as string | null) ?? null } : null
}
