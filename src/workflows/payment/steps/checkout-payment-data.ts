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
 * (`setup_future_usage: "off_session"`). Other providers (bank transfer,
 * Medusa's system provider) get the client's data as Medusa would pass it.
 */
export const checkoutPaymentDataStep = createStep(
  checkoutPaymentDataStepId,
  async (input: CheckoutPaymentDataInput, { container }) => {
    const stripe = STRIPE.test(input.provider_id)
    if (!stripe && !PAYPAL.test(input.provider_id)) {
      return new StepResponse(input.data ?? undefined)
    }
    const data: Record<string, unknown> = {}
    if (stripe && input.customer_id && (await holdsRecurringService(container, input.payment_collection_id))) {
      data.setup_future_usage = "off_session"
    }
    return new StepResponse(data)
  }
)

async function holdsRecurringService(container: MedusaContainer, paymentCollectionId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: paymentCollectionId },
  })
  const cartId = (links[0] as { cart_id?: string } | undefined)?.cart_id
  if (!cartId) {
    return false
  }
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["id", "items.product.service_settings.billing_type"],
    filters: { id: cartId },
  })
  type Item = { product?: { service_settings?: { billing_type?: string } | null } | null } | null
  return ((cart?.items ?? []) as Item[]).some((item) => item?.product?.service_settings?.billing_type === "recurring")
}
