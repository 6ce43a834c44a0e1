import type { fakeStripe } from "../fakes/stripe"
import { cartWithSession, type PaymentSuite } from "./payments"
import { type Api, registerClient } from "./store"

/** Medusa's id of the Stripe card provider. */
export const STRIPE = "pp_stripe_stripe"

/**
 * A new signed-in client buys `quantity` units of a service by card, the
 * fake Stripe confirming the payment: the client and the order. For a
 * recurring service, one subscription per unit with the card saved.
 */
export async function buyByCard(
  api: Api,
  stripe: ReturnType<typeof fakeStripe>,
  suite: PaymentSuite,
  options: { email: string; variant_id: string; quantity?: number }
) {
  const { email, variant_id, quantity = 1 } = options
  const client = await registerClient(api, suite.demo, email)
  const { cart_id, session } = await cartWithSession(api, client.headers, suite, { email, variant_id, provider_id: STRIPE })
  if (quantity > 1) {
    // More units: the session is started again for the new total.
    const { data } = await api.get(`/store/carts/${cart_id}?fields=items.id`, client.headers)
    await api.post(`/store/carts/${cart_id}/line-items/${data.cart.items[0].id}`, { quantity }, client.headers)
    const { data: again } = await api.get(`/store/carts/${cart_id}?fields=payment_collection.id`, client.headers)
    const { data: started } = await api.post(
      `/store/payment-collections/${again.cart.payment_collection.id}/payment-sessions`,
      { provider_id: STRIPE },
      client.headers
    )
    stripe.confirm(started.payment_collection.payment_sessions[0].data.id, "ok")
  } else {
    stripe.confirm(session.data.id as string, "ok")
  }
  const done = await api.post(`/store/carts/${cart_id}/complete`, {}, client.headers)
  expect(done.data.type).toBe("order")
  return { client, order: done.data.order as Record<string, any> & { id: string } }
}
