import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createPaymentCollectionForCartWorkflow } from "@medusajs/medusa/core-flows"
import { completeCheckoutWorkflow } from "../../src/workflows/checkout/workflows/complete-checkout"
import { startCheckoutPaymentWorkflow } from "../../src/workflows/payment/workflows/start-checkout-payment"
import type { DemoInfo } from "../../scripts/seed-demo"
import { fakeStripe } from "../fakes/stripe"
import { storeHeaders } from "../helpers/demo"
import { cartWithSession, ordersOfCart, type PaymentSuite, setUpPaymentSuite } from "../helpers/payments"
import { eventually, registerClient, response } from "../helpers/store"

jest.setTimeout(300_000)

type Headers = ReturnType<typeof storeHeaders>
const STRIPE = "pp_stripe_stripe"
const WEBHOOK_SECRET = "whsec_portico_test"
const stripe = fakeStripe(WEBHOOK_SECRET)

// The app boots in the runner's beforeAll: the fake Stripe must be up, and
// the app configured for it, before that (only the API origin differs from production).
beforeAll(async () => {
  process.env.STRIPE_API_KEY = "sk_test_portico"
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
  process.env.STRIPE_API_BASE_URL = await stripe.start()
})
afterAll(() => stripe.stop())

/**
 * Card payments with Stripe, against a fake Stripe API: the PaymentIntent
 * carries exactly the amount due after credit (minor units), the currency and
 * the session id; declines and 3-D Secure leave the cart for another try;
 * webhooks (verified, replayed, early, tampered) never make a second order or
 * capture anything the session did not ask for.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let suite: PaymentSuite
    let demo: DemoInfo
    let admin: PaymentSuite["admin"]
    let oneTime: string
    let monthly: string

    beforeAll(async () => {
      suite = await setUpPaymentSuite(api, getContainer(), {
        region: "Cards (no tax)",
        providers: [STRIPE],
        services: { "Brand audit": 100, "Care plan": 25 },
      })
      ;({ demo, admin } = suite)
      oneTime = suite.variants["Brand audit"]
      monthly = suite.variants["Care plan"]
      await api.post(`/admin/portico/services/${suite.products["Care plan"]}/settings`, { billing_type: "recurring", interval: "month" }, admin)
    })

    /** A cart with one service and a Stripe payment session; returns the cart, the session and its intent. */
    async function stripeCart(h: Headers, email: string, variantId = oneTime, sessionData?: Record<string, unknown>) {
      const { cart_id, session } = await cartWithSession(api, h, suite, { email, variant_id: variantId, provider_id: STRIPE, data: sessionData })
      return { cartId: cart_id, session, intentId: session.data.id as string }
    }
    const ordersOf = (cartId: string) => ordersOfCart(api, suite, cartId)

    async function webhook(event: { payload: string; headers: Record<string, string> }) {
      return response(api.post(`/hooks/payment/stripe_stripe`, event.payload, { headers: event.headers }))
    }

    it("charges the card for the cart, exactly as asked, and late webhooks change nothing", async () => {
      // The region offers exactly its methods: Stripe, not the system provider.
      const { data: methods } = await api.get(`/store/payment-providers?region_id=${suite.region_id}`, storeHeaders(demo))
      expect(methods.payment_providers.map((p: { id: string }) => p.id)).toEqual([STRIPE])
      const ada = await registerClient(api, demo, "ada.card@example.com")
      // What the client sends in `data` does not reach Stripe.
      const { cartId, session, intentId } = await stripeCart(ada.headers, "ada.card@example.com", oneTime, {
        capture_method: "manual",
        payment_method_types: ["card", "klarna"],
      })
      expect(session.data.client_secret).toMatch(/_secret_/)
      const [create] = stripe.to("POST", "/v1/payment_intents").filter((r) => r.body.metadata?.session_id === session.id)
      expect(create.body).toMatchObject({ amount: "10000", currency: "usd", capture_method: "automatic", metadata: { session_id: session.id } })
      expect(create.body.payment_method_types).toBeUndefined()
      expect(create.body.setup_future_usage).toBeUndefined()
      expect(create.headers["idempotency-key"]).toEqual(expect.any(String))
      // A signed-in client has a Stripe customer (Medusa's account holder).
      expect(create.body.customer).toMatch(/^cus_/)

      stripe.confirm(intentId, "ok")
      const done = await api.post(`/store/carts/${cartId}/complete`, {}, ada.headers)
      expect(done.data.type).toBe("order")
      const orderId = done.data.order.id
      const { invoice } = (await api.get(`/store/orders/${orderId}/invoice`, ada.headers)).data
      expect(invoice.status).toBe("paid")
      const serviceOrders = (await api.get(`/store/portico/orders/${orderId}/service-orders`, ada.headers)).data.service_orders
      expect(serviceOrders).toHaveLength(1)

      // Stripe's webhooks arrive afterwards, twice each.
      for (const type of ["payment_intent.succeeded", "payment_intent.succeeded", "payment_intent.created"]) {
        expect((await webhook(stripe.event(type, intentId))).status).toBe(200)
      }
      await new Promise((r) => setTimeout(r, 7000))
      expect(await ordersOf(cartId)).toHaveLength(1)
      expect(suite.paid_events.filter((id) => id === invoice.id)).toHaveLength(1)
      const { data: full } = await api.get(`/admin/orders/${orderId}?fields=*payment_collections.payments.captures`, admin)
      const payment = full.order.payment_collections[0].payments[0]
      expect(payment.captures).toHaveLength(1)
      expect(Number(payment.captures[0].amount)).toBe(100)
      // Automatic capture: Medusa never asked Stripe to capture.
      expect(stripe.to("POST", /\/capture$/)).toHaveLength(0)

      // A refund from the admin reaches Stripe in minor units, once.
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 40 }, admin)
      const refunds = stripe.to("POST", "/v1/refunds")
      expect(refunds).toHaveLength(1)
      expect(refunds[0].body).toMatchObject({ amount: "4000", payment_intent: intentId })
      expect(refunds[0].headers["idempotency-key"]).toEqual(expect.any(String))
      // The rest goes back as account credit; then nothing is left for the card.
      await api.post(`/admin/portico/orders/${orderId}/credit-refunds`, { amount: 60 }, admin)
      const over = await response(api.post(`/admin/payments/${payment.id}/refund`, { amount: 1 }, admin))
      expect(over.status).toBe(400)
      expect(over.data.code).toBe("refund_exceeds_paid")
      expect(stripe.to("POST", "/v1/refunds")).toHaveLength(1)
    })

    it("leaves the cart intact after a decline or an unfinished 3-D Secure, and places the order on the next try", async () => {
      const mia = await registerClient(api, demo, "mia.card@example.com")
      const { cartId, intentId } = await stripeCart(mia.headers, "mia.card@example.com")
      const cartState = async () =>
        (await api.get(`/store/carts/${cartId}?fields=completed_at,*items,*payment_collection.payment_sessions`, mia.headers)).data.cart

      stripe.confirm(intentId, "declined")
      const declined = await response(api.post(`/store/carts/${cartId}/complete`, {}, mia.headers))
      expect(declined.status).toBe(400)
      expect(declined.data).toMatchObject({ code: "payment_declined", message: expect.stringContaining("Your card was declined.") })
      let cart = await cartState()
      expect(cart.completed_at).toBeNull()
      expect(cart.items).toHaveLength(1)
      expect(await ordersOf(cartId)).toHaveLength(0)

      // Another try (the storefront starts the payment again): 3-D Secure not finished yet.
      const { data: again } = await api.post(
        `/store/payment-collections/${cart.payment_collection.id}/payment-sessions`,
        { provider_id: STRIPE },
        mia.headers
      )
      const second = again.payment_collection.payment_sessions[0].data.id as string
      expect(second).not.toBe(intentId)
      stripe.confirm(second, "3ds")
      const pending = await response(api.post(`/store/carts/${cartId}/complete`, {}, mia.headers))
      expect(pending.status).toBe(400)
      expect(pending.data.code).toBe("payment_requires_action")
      expect(await ordersOf(cartId)).toHaveLength(0)
      cart = await cartState()
      expect(cart.completed_at).toBeNull()
      // The session waits for the client: it is kept for the next completion.
      expect(cart.payment_collection.payment_sessions.map((s: { data: { id: string } }) => s.data.id)).toEqual([second])

      // The client finishes 3-D Secure and completes again.
      stripe.authenticate(second)
      const done = await api.post(`/store/carts/${cartId}/complete`, {}, mia.headers)
      expect(done.data.type).toBe("order")
      expect((await api.get(`/store/orders/${done.data.order.id}/invoice`, mia.headers)).data.invoice.status).toBe("paid")
      expect(await ordersOf(cartId)).toHaveLength(1)
    })

    it("places one order when the webhook, replayed ten times, arrives before the client returns", async () => {
      const leo = await registerClient(api, demo, "leo.card@example.com")
      const { cartId, intentId } = await stripeCart(leo.headers, "leo.card@example.com")
      stripe.confirm(intentId, "ok")
      const event = stripe.event("payment_intent.succeeded", intentId)
      const answers = await Promise.all(Array.from({ length: 10 }, () => webhook(event)))
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))

      const [order] = await eventually(async () => {
        const orders = await ordersOf(cartId)
        expect(orders).toHaveLength(1)
        return orders
      }, 30_000)
      // The client comes back from the card step: the same order.
      const done = await api.post(`/store/carts/${cartId}/complete`, {}, leo.headers)
      expect(done.data.type).toBe("order")
      expect(done.data.order.id).toBe(order.id)
      const { invoice } = (await api.get(`/store/orders/${order.id}/invoice`, leo.headers)).data
      await eventually(async () => expect(suite.paid_events).toContain(invoice.id), 15_000)
      await new Promise((r) => setTimeout(r, 3000))
      expect(await ordersOf(cartId)).toHaveLength(1)
      expect(suite.paid_events.filter((id) => id === invoice.id)).toHaveLength(1)
      const { data: full } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments.captures`, admin)
      expect(full.order.payment_collections[0].payments).toHaveLength(1)
      expect(full.order.payment_collections[0].payments[0].captures).toHaveLength(1)
      expect((await api.get(`/store/portico/orders/${order.id}/service-orders`, leo.headers)).data.service_orders).toHaveLength(1)
    })

    it("charges only what credit leaves, and saves the card when the cart holds a recurring service", async () => {
      const zoe = await registerClient(api, demo, "zoe.card@example.com")
      await api.post(
        `/admin/portico/customers/${zoe.customer_id}/credit/adjustments`,
        { type: "grant", currency_code: "usd", amount: 30, note: "Goodwill" },
        admin
      )
      const { cartId, session, intentId } = await stripeCart(zoe.headers, "zoe.card@example.com")
      expect(Number(session.amount)).toBe(70)
      const create = stripe.to("POST", "/v1/payment_intents").find((r) => r.body.metadata?.session_id === session.id)!
      expect(create.body).toMatchObject({ amount: "7000", currency: "usd" })
      stripe.confirm(intentId, "ok")
      const done = await api.post(`/store/carts/${cartId}/complete`, {}, zoe.headers)
      expect(done.data.type).toBe("order")
      // 30 from credit, 70 by card: nothing left on the account.
      const { data: credit } = await api.get(`/store/portico/credit`, zoe.headers)
      expect(credit.accounts).toEqual([expect.objectContaining({ currency_code: "usd", balance: 0 })])

      const recurring = await stripeCart(zoe.headers, "zoe.card@example.com", monthly)
      const saved = stripe.to("POST", "/v1/payment_intents").find((r) => r.body.metadata?.session_id === recurring.session.id)!
      expect(saved.body).toMatchObject({ amount: "2500", setup_future_usage: "off_session", customer: expect.stringMatching(/^cus_/) })
    })

    it("saves the card and reports a decline with its code for code that runs Portico's workflows directly", async () => {
      const container = getContainer()
      const uma = await registerClient(api, demo, "uma.card@example.com")
      const { data } = await api.post("/store/carts", { region_id: suite.region_id, email: "uma.card@example.com" }, uma.headers)
      const cartId = data.cart.id as string
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: monthly, quantity: 1 }, uma.headers)
      await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cartId } })
      const { data: read } = await api.get(`/store/carts/${cartId}?fields=*payment_collection`, uma.headers)
      // No store request: a job or another plugin starting the payment gets the same rules.
      await startCheckoutPaymentWorkflow(container).run({
        input: {
          payment_collection_id: read.cart.payment_collection.id,
          provider_id: STRIPE,
          customer_id: uma.customer_id,
          data: { capture_method: "manual", payment_method: "pm_from_the_caller" },
        },
      })
      const { data: started } = await api.get(`/store/carts/${cartId}?fields=*payment_collection.payment_sessions`, uma.headers)
      const [session] = started.cart.payment_collection.payment_sessions
      const create = stripe.to("POST", "/v1/payment_intents").find((r) => r.body.metadata?.session_id === session.id)!
      expect(create.body).toMatchObject({ amount: "2500", setup_future_usage: "off_session", customer: expect.stringMatching(/^cus_/) })
      expect(create.body.capture_method).toBe("automatic")
      expect(create.body.payment_method).toBeUndefined()

      stripe.confirm(session.data.id as string, "declined")
      const declined = await completeCheckoutWorkflow(container)
        .run({ input: { cart_id: cartId } })
        .then(() => null, (e: { code?: string; message?: string }) => e)
      expect(declined).toMatchObject({ code: "payment_declined", message: expect.stringContaining("Your card was declined.") })
      expect(await ordersOf(cartId)).toHaveLength(0)
    })

    it("refuses unsigned or forged webhooks, and ignores an amount or currency that differs from the session", async () => {
      const kai = await registerClient(api, demo, "kai.card@example.com")
      const { cartId, intentId } = await stripeCart(kai.headers, "kai.card@example.com")
      stripe.confirm(intentId, "ok")

      const forged = await webhook(stripe.event("payment_intent.succeeded", intentId, { secret: "whsec_wrong" }))
      expect(forged.status).toBe(400)
      expect(forged.data.code).toBe("invalid_webhook")
      const event = stripe.event("payment_intent.succeeded", intentId)
      const unsigned = await webhook({ payload: event.payload, headers: { "content-type": "application/json" } })
      expect(unsigned.status).toBe(400)
      const tampered = await webhook({ payload: event.payload.replace('"amount_received":10000', '"amount_received":1'), headers: event.headers })
      expect(tampered.status).toBe(400)

      const cheap = await webhook(stripe.event("payment_intent.succeeded", intentId, { override: { amount_received: 100 } }))
      expect(cheap.status).toBe(200)
      expect(cheap.data).toMatchObject({ processed: false, reason: "amount_mismatch" })
      const euros = await webhook(stripe.event("payment_intent.succeeded", intentId, { override: { currency: "eur" } }))
      expect(euros.data).toMatchObject({ processed: false })

      await new Promise((r) => setTimeout(r, 7000))
      expect(await ordersOf(cartId)).toHaveLength(0)
      const { data } = await api.get(`/store/carts/${cartId}?fields=completed_at`, kai.headers)
      expect(data.cart.completed_at).toBeNull()
    })
  },
})
