import axios from "axios"
import { PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { fakePayPal } from "../../../../integration-tests/fakes/paypal"
import { PayPalProviderService, redirectingAdapter, toPayPalAmount } from "../service"

const logger = { error: jest.fn(), warn: jest.fn(), debug: jest.fn() } as any

describe("PayPal provider (HTTP boundary, fake PayPal)", () => {
  const paypal = fakePayPal({ webhook_id: "WH-PORTICO-1" })
  let provider: PayPalProviderService

  beforeAll(async () => {
    const baseUrl = await paypal.start()
    provider = new PayPalProviderService(
      { logger },
      { ...paypal.credentials, environment: "sandbox", brand_name: "Portico Studio", api_base_url: baseUrl }
    )
  })
  afterAll(() => paypal.stop())
  beforeEach(() => {
    paypal.requests.length = 0
  })

  async function approvedSession(amount = 49.5, currency = "usd", sessionId = `payses_${Math.random().toString(36).slice(2)}`) {
    const session = await provider.initiatePayment({
      amount,
      currency_code: currency,
      data: { session_id: sessionId },
      context: { idempotency_key: sessionId },
    })
    return { session, sessionId }
  }

  it("creates a PayPal order for the session: exact payload, custom_id, PayPal-Request-Id, OAuth token", async () => {
    const session = await provider.initiatePayment({
      amount: 49.5,
      currency_code: "usd",
      data: { session_id: "payses_01" },
      context: { idempotency_key: "payses_01" },
    })

    const [token] = paypal.calls("POST", "/v1/oauth2/token")
    expect(token.headers.authorization).toBe(
      `Basic ${Buffer.from(`${paypal.credentials.client_id}:${paypal.credentials.client_secret}`).toString("base64")}`
    )
    expect(token.body).toEqual({ grant_type: "client_credentials" })

    const [create] = paypal.calls("POST", "/v2/checkout/orders")
    expect(create.headers["paypal-request-id"]).toBe("payses_01")
    expect(create.headers.authorization).toMatch(/^Bearer A21AA/)
    expect(create.body).toEqual({
      intent: "CAPTURE",
      purchase_units: [{ reference_id: "default", amount: { currency_code: "USD", value: "49.50" }, custom_id: "payses_01" }],
      application_context: { brand_name: "Portico Studio", shipping_preference: "NO_SHIPPING" },
    })

    const orderId = [...paypal.orders.keys()].pop()!
    expect(session).toEqual({
      id: orderId,
      status: PaymentSessionStatus.PENDING,
      data: { id: orderId, status: "CREATED", amount: 49.5, currency_code: "usd", session_id: "payses_01" },
    })
  })

  it("sends zero-decimal currencies without decimals (5000 JPY → \"5000\") and reuses the cached token", async () => {
    await provider.initiatePayment({ amount: 5000, currency_code: "jpy", data: { session_id: "payses_jpy" }, context: {} })
    const [create] = paypal.calls("POST", "/v2/checkout/orders")
    expect(create.body.purchase_units[0].amount).toEqual({ currency_code: "JPY", value: "5000" })
    // Without an idempotency key the session id is the request id.
    expect(create.headers["paypal-request-id"]).toBe("payses_jpy")
    expect(paypal.calls("POST", "/v1/oauth2/token")).toHaveLength(0)
  })

  it("the same PayPal-Request-Id answers the same order (a retried initiate creates no second order)", async () => {
    const input = { amount: 10, currency_code: "eur", data: { session_id: "payses_retry" }, context: { idempotency_key: "payses_retry" } }
    const first = await provider.initiatePayment(input)
    const count = paypal.orders.size
    const second = await provider.initiatePayment(input)
    expect(second.id).toBe(first.id)
    expect(paypal.orders.size).toBe(count)
  })

  it("does not capture an order the buyer has not approved", async () => {
    const { session } = await approvedSession()
    const result = await provider.authorizePayment({ data: session.data })
    expect(result.status).toBe(PaymentSessionStatus.PENDING)
    expect(result.data).toMatchObject({ id: session.id, status: "CREATED" })
    expect(paypal.calls("POST", /\/capture$/)).toHaveLength(0)
  })

  it("captures an approved order once, for the session's amount; authorizing again captures nothing more", async () => {
    const { session, sessionId } = await approvedSession(49.5, "usd")
    paypal.approve(session.id)

    const first = await provider.authorizePayment({ data: session.data, context: { idempotency_key: sessionId } })
    const captures = paypal.calls("POST", `/v2/checkout/orders/${session.id}/capture`)
    expect(captures).toHaveLength(1)
    expect(captures[0].headers["paypal-request-id"]).toBe(`capture-${sessionId}`)
    const captureId = paypal.orders.get(session.id)!.purchase_units[0].payments!.captures[0].id
    expect(first).toEqual({
      status: PaymentSessionStatus.CAPTURED,
      data: {
        id: session.id,
        status: "COMPLETED",
        amount: 49.5,
        currency_code: "usd",
        session_id: sessionId,
        capture_id: captureId,
        capture_status: "COMPLETED",
        captured_amount: 49.5,
      },
    })

    // A retry (or a webhook that got there first): the order is COMPLETED, nothing is captured again.
    const second = await provider.authorizePayment({ data: session.data })
    expect(second).toEqual(first)
    expect(paypal.calls("POST", /\/capture$/)).toHaveLength(1)

    // capturePayment after authorize: already captured, no call.
    const captured = await provider.capturePayment({ data: first.data })
    expect(captured.data).toEqual(first.data)
    expect(paypal.calls("POST", /\/capture$/)).toHaveLength(1)
  })

  it("refuses to capture an order whose amount differs from the session's", async () => {
    const { session } = await approvedSession(20, "usd")
    paypal.orders.get(session.id)!.purchase_units[0].amount.value = "2.00"
    paypal.approve(session.id)
    await expect(provider.authorizePayment({ data: session.data })).rejects.toThrow(/is for 2.00 USD, the payment session for 20.00 USD/)
    expect(paypal.calls("POST", /\/capture$/)).toHaveLength(0)
  })

  it("a declined capture is thrown in words the client understands, and a new approval then captures", async () => {
    const { session } = await approvedSession(30, "usd")
    paypal.approve(session.id)
    paypal.declineNext()
    const error = await provider.authorizePayment({ data: session.data }).catch((e) => e)
    expect(error.type).toBe("not_allowed")
    expect(error.message).toBe(
      "PayPal declined the payment: the bank or card behind the PayPal account refused it. Choose another funding source or method."
    )
    expect(paypal.orders.get(session.id)!.status).toBe("PAYER_ACTION_REQUIRED")

    const waiting = await provider.authorizePayment({ data: session.data })
    expect(waiting.status).toBe(PaymentSessionStatus.REQUIRES_MORE)

    paypal.approve(session.id)
    const result = await provider.authorizePayment({ data: session.data })
    expect(result.status).toBe(PaymentSessionStatus.CAPTURED)
  })

  it("refunds the capture with the refund's idempotency key and records it on the data", async () => {
    const { session } = await approvedSession(49.5, "usd")
    paypal.approve(session.id)
    const { data } = await provider.authorizePayment({ data: session.data })
    paypal.requests.length = 0

    const refunded = await provider.refundPayment({ amount: 20, data: data!, context: { idempotency_key: "ref_01" } })
    const [refund] = paypal.calls("POST", `/v2/payments/captures/${data!.capture_id}/refund`)
    expect(refund.headers["paypal-request-id"]).toBe("ref_01")
    expect(refund.body).toEqual({ amount: { currency_code: "USD", value: "20.00" } })
    expect(refunded.data!.refunds).toEqual([{ id: expect.any(String), status: "COMPLETED", amount: 20, currency_code: "usd" }])

    // The same refund retried: PayPal answers the same refund, recorded once.
    const again = await provider.refundPayment({ amount: 20, data: refunded.data!, context: { idempotency_key: "ref_01" } })
    expect(again.data!.refunds).toHaveLength(1)
  })

  it("patches the amount of an order not yet approved, and starts a new order for an approved one", async () => {
    const { session } = await approvedSession(10, "usd")
    const patched = await provider.updatePayment({ amount: 12.5, currency_code: "usd", data: session.data! })
    const [patch] = paypal.calls("PATCH", `/v2/checkout/orders/${session.id}`)
    expect(patch.body).toEqual([
      { op: "replace", path: "/purchase_units/@reference_id=='default'/amount", value: { currency_code: "USD", value: "12.50" } },
    ])
    expect(patched.data).toMatchObject({ id: session.id, amount: 12.5, currency_code: "usd" })

    paypal.approve(session.id)
    const renewed = await provider.updatePayment({ amount: 15, currency_code: "usd", data: patched.data! })
    expect(renewed.data!.id).not.toBe(session.id)
    expect(paypal.orders.get(renewed.data!.id as string)!.purchase_units[0]).toMatchObject({
      amount: { currency_code: "USD", value: "15.00" },
      custom_id: session.data!.session_id,
    })
  })

  it("maps order statuses for getPaymentStatus", async () => {
    const { session } = await approvedSession(5, "usd")
    expect((await provider.getPaymentStatus({ data: session.data })).status).toBe(PaymentSessionStatus.PENDING)
    paypal.approve(session.id)
    expect((await provider.getPaymentStatus({ data: session.data })).status).toBe(PaymentSessionStatus.AUTHORIZED)
    await provider.authorizePayment({ data: session.data })
    expect((await provider.getPaymentStatus({ data: session.data })).status).toBe(PaymentSessionStatus.CAPTURED)
  })

  describe("webhooks", () => {
    it("verifies the signature with PayPal, then maps a captured payment to the session", async () => {
      const { session, sessionId } = await approvedSession(49.5, "usd")
      paypal.approve(session.id)
      await provider.authorizePayment({ data: session.data })
      paypal.requests.length = 0

      const { body, headers, event } = paypal.webhook("PAYMENT.CAPTURE.COMPLETED", session.id)
      const result = await provider.getWebhookActionAndData({ data: JSON.parse(body), rawData: Buffer.from(body), headers })
      expect(result).toEqual({
        action: PaymentActions.SUCCESSFUL,
        data: { session_id: sessionId, amount: 49.5, currency_code: "usd" },
      })
      const [verify] = paypal.calls("POST", "/v1/notifications/verify-webhook-signature")
      expect(verify.headers.authorization).toMatch(/^Bearer A21AA/)
      expect(verify.body).toEqual({
        auth_algo: "SHA256withRSA",
        cert_url: headers["paypal-cert-url"],
        transmission_id: headers["paypal-transmission-id"],
        transmission_sig: headers["paypal-transmission-sig"],
        transmission_time: headers["paypal-transmission-time"],
        webhook_id: "WH-PORTICO-1",
        webhook_event: event,
      })
    })

    it("maps an approved order (custom_id on purchase_units[0]) and a denied capture", async () => {
      const { session, sessionId } = await approvedSession(5000, "jpy")
      paypal.approve(session.id)
      const approved = paypal.webhook("CHECKOUT.ORDER.APPROVED", session.id)
      expect(await provider.getWebhookActionAndData({ data: JSON.parse(approved.body), rawData: approved.body, headers: approved.headers })).toEqual({
        action: PaymentActions.AUTHORIZED,
        data: { session_id: sessionId, amount: 5000, currency_code: "jpy" },
      })
      const denied = paypal.webhook("PAYMENT.CAPTURE.DENIED", session.id)
      expect((await provider.getWebhookActionAndData({ data: JSON.parse(denied.body), rawData: denied.body, headers: denied.headers })).action).toBe(
        PaymentActions.FAILED
      )
    })

    it("answers not_supported for other events and for orders without custom_id", async () => {
      const { session } = await approvedSession(5, "usd")
      const other = paypal.webhook("PAYMENT.CAPTURE.REFUNDED", session.id)
      expect(await provider.getWebhookActionAndData({ data: JSON.parse(other.body), rawData: other.body, headers: other.headers })).toEqual({
        action: PaymentActions.NOT_SUPPORTED,
      })
      const bare = await provider.initiatePayment({ amount: 5, currency_code: "usd", data: {}, context: { idempotency_key: "no-session" } })
      const hook = paypal.webhook("PAYMENT.CAPTURE.COMPLETED", bare.id)
      expect((await provider.getWebhookActionAndData({ data: JSON.parse(hook.body), rawData: hook.body, headers: hook.headers })).action).toBe(
        PaymentActions.NOT_SUPPORTED
      )
    })

    it("throws for a tampered body, a wrong signature or missing headers", async () => {
      const { session } = await approvedSession(49.5, "usd")
      const tampered = paypal.webhook("PAYMENT.CAPTURE.COMPLETED", session.id, (event) => {
        event.resource.amount.value = "0.01"
      })
      await expect(
        provider.getWebhookActionAndData({ data: JSON.parse(tampered.body), rawData: tampered.body, headers: tampered.headers })
      ).rejects.toThrow("PayPal webhook signature verification failed")

      const good = paypal.webhook("PAYMENT.CAPTURE.COMPLETED", session.id)
      const wrongSig = { ...good.headers, "paypal-transmission-sig": Buffer.from("forged").toString("base64") }
      await expect(provider.getWebhookActionAndData({ data: JSON.parse(good.body), rawData: good.body, headers: wrongSig })).rejects.toThrow(
        "PayPal webhook signature verification failed"
      )

      paypal.requests.length = 0
      const { "paypal-transmission-sig": _sig, ...missing } = good.headers
      await expect(provider.getWebhookActionAndData({ data: JSON.parse(good.body), rawData: good.body, headers: missing })).rejects.toThrow(
        "PayPal webhook signature verification failed"
      )
      // Missing headers are refused before anything is asked of PayPal.
      expect(paypal.requests).toHaveLength(0)
    })
  })

  it("refuses options without credentials or with an unknown environment", () => {
    expect(() => PayPalProviderService.validateOptions({ client_secret: "s" })).toThrow(/client_id/)
    expect(() => PayPalProviderService.validateOptions({ client_id: "c" })).toThrow(/client_secret/)
    expect(() => PayPalProviderService.validateOptions({ client_id: "c", client_secret: "s", environment: "prod" })).toThrow(/environment/)
    expect(() => PayPalProviderService.validateOptions({ client_id: "c", client_secret: "s" })).not.toThrow()
  })
})

describe("PayPal helpers", () => {
  it("formats amounts with the currency's decimals", () => {
    expect(toPayPalAmount(49.5, "usd")).toEqual({ currencyCode: "USD", value: "49.50" })
    expect(toPayPalAmount(5000, "jpy")).toEqual({ currencyCode: "JPY", value: "5000" })
    expect(toPayPalAmount("12.345", "eur")).toEqual({ currencyCode: "EUR", value: "12.35" })
    expect(toPayPalAmount({ value: "7", precision: 20 }, "huf")).toEqual({ currencyCode: "HUF", value: "7" })
  })

  it("the adapter sends requests for PayPal's API origins to the mock, and others where they were going", async () => {
    const fake = fakePayPal()
    const base = await fake.start()
    try {
      const http = axios.create({ adapter: redirectingAdapter(`${base}/`), validateStatus: () => true })
      const live = await http.get("https://api-m.paypal.com/v2/checkout/orders/NOPE")
      const sandbox = await http.get("https://api-m.sandbox.paypal.com/v2/checkout/orders/NOPE?fields=x")
      expect([live.status, sandbox.status]).toEqual([401, 401])
      expect(fake.requests.map((r) => r.path)).toEqual(["/v2/checkout/orders/NOPE", "/v2/checkout/orders/NOPE?fields=x"])
      // Another origin is not rewritten (and not reached here: nothing listens on port 1).
      await expect(http.get("http://127.0.0.1:1/elsewhere")).rejects.toThrow()
      expect(fake.requests).toHaveLength(2)
    } finally {
      await fake.stop()
    }
  })
})
