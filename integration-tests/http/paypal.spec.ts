import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoInfo } from "../../scripts/seed-demo"
import { fakePayPal } from "../fakes/paypal"
import type { storeHeaders } from "../helpers/demo"
import { cartWithSession, ordersOfCart, type PaymentSuite, setUpPaymentSuite } from "../helpers/payments"
import { eventually, registerClient, response } from "../helpers/store"

jest.setTimeout(300_000)

type Headers = ReturnType<typeof storeHeaders>
const PAYPAL = "pp_paypal_paypal"
const paypal = fakePayPal()

// The app boots in the runner's beforeAll: the fake PayPal must be up, and the
// app configured for it, before that (only the API origin differs from production).
beforeAll(async () => {
  process.env.PAYPAL_API_BASE_URL = await paypal.start()
  process.env.PAYPAL_CLIENT_ID = paypal.credentials.client_id
  process.env.PAYPAL_CLIENT_SECRET = paypal.credentials.client_secret
  process.env.PAYPAL_WEBHOOK_ID = paypal.credentials.webhook_id
})
afterAll(() => paypal.stop())

/**
 * PayPal, against a fake PayPal REST API: the PayPal order carries exactly the
 * amount due after credit, the cart's currency and the session id; the
 * approved order is captured once when the cart completes (or when a webhook
 * gets there first); a declined capture leaves the cart for another try;
 * forged or mismatching webhooks change nothing.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let suite: PaymentSuite
    let demo: DemoInfo
    let admin: PaymentSuite["admin"]

    beforeAll(async () => {
      suite = await setUpPaymentSuite(api, getContainer(), {
        region: "PayPal (no tax)",
        providers: [PAYPAL],
        services: { "Website review": 100 },
      })
      ;({ demo, admin } = suite)
    })

    /** A cart with one service and a PayPal payment session; returns the cart, the session and the PayPal order id. */
    async function paypalCart(h: Headers, email: string) {
      const { cart_id, collection_id, session } = await cartWithSession(api, h, suite, {
        email,
        variant_id: suite.variants["Website review"],
        provider_id: PAYPAL,
        // What the client sends does not reach PayPal.
        data: { amount: 1 },
      })
      return { cartId: cart_id, collectionId: collection_id, session, orderId: session.data.id as string }
    }

    const ordersOf = (cartId: string) => ordersOfCart(api, suite, cartId)
    const capturesOf = (orderId: string) => paypal.orders.get(orderId)?.purchase_units[0].payments?.captures ?? []
    const webhook = (event: { body: string; headers: Record<string, string> }) =>
      response(api.post(`/hooks/payment/paypal_paypal`, event.body, { headers: event.headers }))

    it("creates the PayPal order for the cart, captures it once on completion, refunds, and late webhooks change nothing", async () => {
      const ada = await registerClient(api, demo, "ada.paypal@example.com")
      const { cartId, collectionId, session, orderId } = await paypalCart(ada.headers, "ada.paypal@example.com")
      const [create] = paypal.calls("POST", "/v2/checkout/orders")
      expect(create.body).toMatchObject({
        intent: "CAPTURE",
        purchase_units: [{ amount: { currency_code: "USD", value: "100.00" }, custom_id: session.id }],
      })
      expect(create.headers["paypal-request-id"]).toEqual(expect.any(String))

      // Not approved yet: completing places nothing and captures nothing.
      const early = await response(api.post(`/store/carts/${cartId}/complete`, {}, ada.headers))
      expect(early.status).toBe(400)
      expect(early.data.code).toBe("payment_requires_action")
      expect(paypal.calls("POST", /\/capture$/)).toHaveLength(0)
      expect(capturesOf(orderId)).toHaveLength(0)
      expect(await ordersOf(cartId)).toHaveLength(0)

      // The storefront starts the payment again; the buyer approves that PayPal order.
      const { data: again } = await api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: PAYPAL }, ada.headers)
      const paypalOrderId = again.payment_collection.payment_sessions[0].data.id as string
      paypal.approve(paypalOrderId)
      const done = await api.post(`/store/carts/${cartId}/complete`, {}, ada.headers)
      expect(done.data.type).toBe("order")
      expect(capturesOf(paypalOrderId)).toHaveLength(1)
      const captureCalls = paypal.calls("POST", `/v2/checkout/orders/${paypalOrderId}/capture`)
      expect(captureCalls).toHaveLength(1)
      expect(captureCalls[0].headers["paypal-request-id"]).toEqual(expect.any(String))
      const medusaOrder = done.data.order.id
      const { invoice } = (await api.get(`/store/orders/${medusaOrder}/invoice`, ada.headers)).data
      expect(invoice.status).toBe("paid")
      expect((await api.get(`/store/portico/orders/${medusaOrder}/service-orders`, ada.headers)).data.service_orders).toHaveLength(1)

      for (const type of ["PAYMENT.CAPTURE.COMPLETED", "PAYMENT.CAPTURE.COMPLETED", "CHECKOUT.ORDER.APPROVED"]) {
        expect((await webhook(paypal.webhook(type, paypalOrderId))).status).toBe(200)
      }
      await new Promise((r) => setTimeout(r, 7000))
      expect(await ordersOf(cartId)).toHaveLength(1)
      expect(capturesOf(paypalOrderId)).toHaveLength(1)
      expect(suite.paid_events.filter((id) => id === invoice.id)).toHaveLength(1)

      const { data: full } = await api.get(`/admin/orders/${medusaOrder}?fields=*payment_collections.payments.captures`, admin)
      const payment = full.order.payment_collections[0].payments[0]
      expect(payment.captures).toHaveLength(1)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 40 }, admin)
      const refunds = paypal.calls("POST", /^\/v2\/payments\/captures\/[^/]+\/refund$/)
      expect(refunds).toHaveLength(1)
      expect(refunds[0].body).toMatchObject({ amount: { value: "40.00", currency_code: "USD" } })
      expect(refunds[0].headers["paypal-request-id"]).toEqual(expect.any(String))
    })

    it("leaves the cart intact when PayPal declines the capture, and places the order on the next try", async () => {
      const mia = await registerClient(api, demo, "mia.paypal@example.com")
      const { cartId, collectionId, orderId } = await paypalCart(mia.headers, "mia.paypal@example.com")
      paypal.approve(orderId)
      paypal.declineNext()
      const declined = await response(api.post(`/store/carts/${cartId}/complete`, {}, mia.headers))
      expect(declined.status).toBe(400)
      expect(declined.data).toMatchObject({ code: "payment_declined", message: expect.stringMatching(/^PayPal declined/) })
      const { data } = await api.get(`/store/carts/${cartId}?fields=completed_at,*items`, mia.headers)
      expect(data.cart.completed_at).toBeNull()
      expect(data.cart.items).toHaveLength(1)
      expect(await ordersOf(cartId)).toHaveLength(0)

      // The client tries again (the storefront starts the payment again and PayPal's buttons approve it).
      const { data: retry } = await api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: PAYPAL }, mia.headers)
      const next = retry.payment_collection.payment_sessions[0].data.id as string
      paypal.approve(next)
      const done = await api.post(`/store/carts/${cartId}/complete`, {}, mia.headers)
      expect(done.data.type).toBe("order")
      expect((await api.get(`/store/orders/${done.data.order.id}/invoice`, mia.headers)).data.invoice.status).toBe("paid")
    })

    it("places one order when the approval webhook, replayed ten times, arrives before the client returns", async () => {
      const leo = await registerClient(api, demo, "leo.paypal@example.com")
      const { cartId, orderId } = await paypalCart(leo.headers, "leo.paypal@example.com")
      paypal.approve(orderId)
      const event = paypal.webhook("CHECKOUT.ORDER.APPROVED", orderId)
      const answers = await Promise.all(Array.from({ length: 10 }, () => webhook(event)))
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))

      const [order] = await eventually(async () => {
        const orders = await ordersOf(cartId)
        expect(orders).toHaveLength(1)
        return orders
      }, 30_000)
      const done = await api.post(`/store/carts/${cartId}/complete`, {}, leo.headers)
      expect(done.data.order.id).toBe(order.id)
      const { invoice } = (await api.get(`/store/orders/${order.id}/invoice`, leo.headers)).data
      await eventually(async () => expect(suite.paid_events).toContain(invoice.id), 15_000)
      await new Promise((r) => setTimeout(r, 3000))
      expect(await ordersOf(cartId)).toHaveLength(1)
      expect(capturesOf(orderId)).toHaveLength(1)
      expect(suite.paid_events.filter((id) => id === invoice.id)).toHaveLength(1)
      expect((await api.get(`/store/portico/orders/${order.id}/service-orders`, leo.headers)).data.service_orders).toHaveLength(1)
    })

    it("asks PayPal for only what credit leaves; refuses forged webhooks and ignores a mismatching amount", async () => {
      const zoe = await registerClient(api, demo, "zoe.paypal@example.com")
      await api.post(
        `/admin/portico/customers/${zoe.customer_id}/credit/adjustments`,
        { type: "grant", currency_code: "usd", amount: 30, note: "Goodwill" },
        admin
      )
      const { cartId, session, orderId } = await paypalCart(zoe.headers, "zoe.paypal@example.com")
      expect(Number(session.amount)).toBe(70)
      const create = paypal.calls("POST", "/v2/checkout/orders").find((r) => r.body.purchase_units[0].custom_id === session.id)!
      expect(create.body.purchase_units[0].amount).toEqual({ currency_code: "USD", value: "70.00" })
      paypal.approve(orderId)

      const tampered = paypal.webhook("CHECKOUT.ORDER.APPROVED", orderId, (e) => {
        e.resource.purchase_units[0].amount.value = "0.01"
      })
      const forged = await webhook(tampered)
      expect(forged.status).toBe(400)
      expect(forged.data.code).toBe("invalid_webhook")
      const unsigned = paypal.webhook("CHECKOUT.ORDER.APPROVED", orderId)
      expect((await webhook({ body: unsigned.body, headers: { "content-type": "application/json" } })).status).toBe(400)

      // Signed by PayPal, but for another amount than the session's: nothing happens.
      const unit = paypal.orders.get(orderId)!.purchase_units[0]
      const real = unit.amount.value
      unit.amount.value = "1.00"
      const cheap = await webhook(paypal.webhook("CHECKOUT.ORDER.APPROVED", orderId))
      unit.amount.value = real
      expect(cheap.status).toBe(200)
      expect(cheap.data).toMatchObject({ processed: false, reason: "amount_mismatch" })
      await new Promise((r) => setTimeout(r, 7000))
      expect(await ordersOf(cartId)).toHaveLength(0)
      expect(capturesOf(orderId)).toHaveLength(0)

      // The client completes: 70 captured, 30 from credit.
      const done = await api.post(`/store/carts/${cartId}/complete`, {}, zoe.headers)
      expect(done.data.type).toBe("order")
      expect(capturesOf(orderId)[0].amount).toEqual({ currency_code: "USD", value: "70.00" })
      const { invoice } = (await api.get(`/store/orders/${done.data.order.id}/invoice`, zoe.headers)).data
      await eventually(async () => expect(suite.paid_events).toContain(invoice.id), 15_000)
    })
  },
})
