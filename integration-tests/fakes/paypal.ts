import { createHash, createHmac, randomUUID } from "node:crypto"
import { createServer, type IncomingHttpHeaders, type Server } from "node:http"
import type { AddressInfo } from "node:net"

/** One request the fake received: what the PayPal SDK (or the provider's fetch) sent, decoded. */
export type PayPalRequest = {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** JSON bodies parsed; the OAuth form body decoded into an object; `null` when empty. */
  body: any
}

type Money = { currency_code: string; value: string }

type Capture = {
  id: string
  status: "COMPLETED" | "DECLINED" | "PENDING" | "REFUNDED" | "PARTIALLY_REFUNDED" | "FAILED"
  amount: Money
  custom_id?: string
  final_capture: boolean
  create_time: string
  update_time: string
  links: { href: string; rel: string; method: string }[]
}

/** An order as PayPal answers it (snake_case JSON, what the SDK's `orderSchema` maps). */
export type FakePayPalOrder = {
  id: string
  intent: "CAPTURE"
  status: "CREATED" | "SAVED" | "APPROVED" | "VOIDED" | "COMPLETED" | "PAYER_ACTION_REQUIRED"
  purchase_units: {
    reference_id: string
    amount: Money
    custom_id?: string
    payments?: { captures: Capture[] }
  }[]
  payer?: { email_address: string; payer_id: string }
  create_time: string
  update_time?: string
  links: { href: string; rel: string; method: string }[]
}

type Reply = { status: number; body: unknown }

/** Options of the fake: the credentials it accepts, and the webhook id and secret it signs events with. */
export type FakePayPalOptions = {
  client_id?: string
  client_secret?: string
  webhook_id?: string
  /** The fake's signing secret (stands in for PayPal's certificate). */
  webhook_secret?: string
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number
}

/**
 * A local stand-in for PayPal's REST API (api-m.sandbox.paypal.com), covering
 * what Portico's PayPal provider calls: the client-credentials token, orders
 * (create, get, patch, capture), capture refunds and webhook signature
 * verification. It records every request, checks the OAuth credentials and
 * bearer token, and honours `PayPal-Request-Id` (the same id on the same call
 * answers the first successful result again, nothing happens twice).
 *
 * The test plays the buyer with `approve(orderId)` (what PayPal's checkout does
 * when the buyer approves; a browser can do the same through the fake's own
 * `GET /fake-checkout/orders/:id` and `POST /fake-checkout/orders/:id/approve`) and `declineNext()` (the next capture is refused
 * with 422 INSTRUMENT_DECLINED), and PayPal's webhooks with
 * `webhook(eventType, orderId)`: a body and headers whose signature the
 * fake's verify endpoint accepts only for that exact body.
 *
 * Signature scheme (the fake's, not PayPal's certificate-based one):
 * `transmission_sig = base64(HMAC-SHA256(webhook_secret, transmission_id|transmission_time|webhook_id|sha256hex(body)))`,
 * where `body` is the compact JSON of the event.
 */
export function fakePayPal(options: FakePayPalOptions = {}) {
  const clientId = options.client_id ?? "fake-client-id"
  const clientSecret = options.client_secret ?? "fake-client-secret"
  const webhookId = options.webhook_id ?? "WH-FAKE-0001"
  const webhookSecret = options.webhook_secret ?? "fake-webhook-secret"

  const requests: PayPalRequest[] = []
  const orders = new Map<string, FakePayPalOrder>()
  const captures = new Map<string, { orderId: string; capture: Capture; refunds: Record<string, unknown>[] }>()
  const tokens = new Set<string>()
  const replies = new Map<string, Reply>()
  let declines = 0
  let seq = 0
  let baseUrl = ""
  const id = (prefix: string) => `${prefix}${String(++seq).padStart(6, "0")}FAKE`
  const now = () => new Date().toISOString()

  function error(status: number, name: string, message: string, issue?: string, description?: string): Reply {
    return {
      status,
      body: {
        name,
        message,
        debug_id: `dbg${++seq}`,
        ...(issue ? { details: [{ issue, description: description ?? issue }] } : {}),
        links: [],
      },
    }
  }

  function orderLinks(order: { id: string }) {
    return [
      { href: `${baseUrl}/v2/checkout/orders/${order.id}`, rel: "self", method: "GET" },
      { href: `https://www.sandbox.paypal.com/checkoutnow?token=${order.id}`, rel: "approve", method: "GET" },
      { href: `${baseUrl}/v2/checkout/orders/${order.id}`, rel: "update", method: "PATCH" },
      { href: `${baseUrl}/v2/checkout/orders/${order.id}/capture`, rel: "capture", method: "POST" },
    ]
  }

  function validMoney(amount: any): amount is Money {
    return (
      !!amount &&
      typeof amount.currency_code === "string" &&
      /^[A-Z]{3}$/.test(amount.currency_code) &&
      typeof amount.value === "string" &&
      /^\d+(\.\d{1,2})?$/.test(amount.value)
    )
  }

  function route(method: string, path: string, headers: IncomingHttpHeaders, body: any): Reply {
    let m: RegExpMatchArray | null

    if (method === "POST" && path === "/v1/oauth2/token") {
      const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`
      if (headers.authorization !== expected || body?.grant_type !== "client_credentials") {
        return { status: 401, body: { error: "invalid_client", error_description: "Client Authentication failed" } }
      }
      const token = `A21AA${randomUUID().replace(/-/g, "")}`
      tokens.add(token)
      return {
        status: 200,
        body: {
          scope: "https://uri.paypal.com/services/payments/payment",
          access_token: token,
          token_type: "Bearer",
          app_id: "APP-FAKE",
          expires_in: 32400,
          nonce: `${now()}fake`,
        },
      }
    }

    // The buyer's side, the fake's stand-in for PayPal's checkout window
    // (no merchant token): what the order asks for, and its approval.
    if ((m = path.match(/^\/fake-checkout\/orders\/([^/]+)(\/approve)?$/))) {
      const order = orders.get(m[1])
      if (!order) {
        return error(404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID")
      }
      if (method === "POST" && m[2]) {
        if (order.status !== "CREATED" && order.status !== "PAYER_ACTION_REQUIRED") {
          return error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "ORDER_NOT_APPROVABLE")
        }
        fake.approve(order.id, body?.payer)
      }
      if (method === "GET" || (method === "POST" && m[2])) {
        return { status: 200, body: { id: order.id, status: order.status, amount: order.purchase_units[0].amount } }
      }
    }

    const bearer = String(headers.authorization ?? "").replace(/^Bearer /, "")
    if (!tokens.has(bearer)) {
      return error(401, "AUTHENTICATION_FAILURE", "Authentication failed due to invalid authentication credentials or a missing Authorization header.")
    }

    if (method === "POST" && path === "/v1/notifications/verify-webhook-signature") {
      const { auth_algo, cert_url, transmission_id, transmission_sig, transmission_time, webhook_id, webhook_event } = body ?? {}
      if (!auth_algo || !cert_url || !transmission_id || !transmission_sig || !transmission_time || !webhook_id || !webhook_event) {
        return error(400, "VALIDATION_ERROR", "Invalid request - see details", "MISSING_REQUIRED_PARAMETER")
      }
      const expected = sign(String(transmission_id), String(transmission_time), String(webhook_id), JSON.stringify(webhook_event))
      const ok = webhook_id === webhookId && transmission_sig === expected
      return { status: 200, body: { verification_status: ok ? "SUCCESS" : "FAILURE" } }
    }

    if (method === "POST" && path === "/v2/checkout/orders") {
      const unit = body?.purchase_units?.[0]
      if (body?.intent !== "CAPTURE" || !unit || !validMoney(unit.amount)) {
        return error(400, "INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema.", "INVALID_PARAMETER_VALUE")
      }
      const order: FakePayPalOrder = {
        id: id("5O"),
        intent: "CAPTURE",
        status: "CREATED",
        purchase_units: [
          {
            reference_id: unit.reference_id ?? "default",
            amount: { currency_code: unit.amount.currency_code, value: unit.amount.value },
            ...(unit.custom_id ? { custom_id: unit.custom_id } : {}),
          },
        ],
        create_time: now(),
        links: [],
      }
      order.links = orderLinks(order)
      orders.set(order.id, order)
      return { status: 201, body: order }
    }

    if ((m = path.match(/^\/v2\/checkout\/orders\/([^/]+)(\/capture)?$/))) {
      const order = orders.get(m[1])
      if (!order) {
        return error(404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID")
      }
      if (method === "GET" && !m[2]) {
        return { status: 200, body: order }
      }
      if (method === "PATCH" && !m[2]) {
        if (order.status !== "CREATED" && order.status !== "APPROVED") {
          return error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "ORDER_ALREADY_COMPLETED")
        }
        for (const op of Array.isArray(body) ? body : []) {
          if (op.op === "replace" && /^\/purchase_units\/@reference_id=='[^']+'\/amount$/.test(op.path) && validMoney(op.value)) {
            order.purchase_units[0].amount = { currency_code: op.value.currency_code, value: op.value.value }
          } else {
            return error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "INVALID_PATCH_OPERATION")
          }
        }
        order.update_time = now()
        return { status: 204, body: null }
      }
      if (method === "POST" && m[2]) {
        if (order.status === "COMPLETED") {
          return error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "ORDER_ALREADY_CAPTURED")
        }
        if (order.status !== "APPROVED") {
          return error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment.")
        }
        if (declines > 0) {
          declines--
          // The buyer has to pick another funding source and approve again.
          order.status = "PAYER_ACTION_REQUIRED"
          return error(
            422,
            "UNPROCESSABLE_ENTITY",
            "The requested action could not be performed, semantically incorrect, or failed business validation.",
            "INSTRUMENT_DECLINED",
            "The instrument presented was either declined by the processor or bank, or it can't be used for this payment."
          )
        }
        const unit = order.purchase_units[0]
        const capture: Capture = {
          id: id("3C"),
          status: "COMPLETED",
          amount: { ...unit.amount },
          ...(unit.custom_id ? { custom_id: unit.custom_id } : {}),
          final_capture: true,
          create_time: now(),
          update_time: now(),
          links: [],
        }
        capture.links = [
          { href: `${baseUrl}/v2/payments/captures/${capture.id}`, rel: "self", method: "GET" },
          { href: `${baseUrl}/v2/payments/captures/${capture.id}/refund`, rel: "refund", method: "POST" },
        ]
        unit.payments = { captures: [capture] }
        order.status = "COMPLETED"
        order.update_time = now()
        captures.set(capture.id, { orderId: order.id, capture, refunds: [] })
        return { status: 201, body: order }
      }
    }

    if (method === "POST" && (m = path.match(/^\/v2\/payments\/captures\/([^/]+)\/refund$/))) {
      const entry = captures.get(m[1])
      if (!entry) {
        return error(404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID")
      }
      const amount = body?.amount ?? entry.capture.amount
      if (!validMoney(amount) || amount.currency_code !== entry.capture.amount.currency_code) {
        return error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "CURRENCY_MISMATCH")
      }
      const refunded = entry.refunds.reduce((sum, r) => sum + Number((r.amount as Money).value), 0)
      if (refunded + Number(amount.value) > Number(entry.capture.amount.value) + 1e-9) {
        return error(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed.", "REFUND_AMOUNT_EXCEEDED")
      }
      const refund = {
        id: id("1R"),
        status: "COMPLETED",
        amount: { currency_code: amount.currency_code, value: amount.value },
        create_time: now(),
        update_time: now(),
        links: [{ href: `${baseUrl}/v2/payments/refunds/${seq}`, rel: "self", method: "GET" }],
      }
      entry.refunds.push(refund)
      const total = refunded + Number(amount.value)
      entry.capture.status = total >= Number(entry.capture.amount.value) ? "REFUNDED" : "PARTIALLY_REFUNDED"
      return { status: 201, body: refund }
    }

    return error(404, "NOT_FOUND", `The fake has no ${method} ${path}`)
  }

  function sign(transmissionId: string, time: string, hookId: string, body: string) {
    const digest = createHash("sha256").update(body).digest("hex")
    return createHmac("sha256", webhookSecret).update(`${transmissionId}|${time}|${hookId}|${digest}`).digest("base64")
  }

  const server: Server = createServer((req, res) => {
    let raw = ""
    req.setEncoding("utf8")
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      const method = req.method ?? "GET"
      const url = new URL(req.url ?? "/", "http://fake")
      let body: any = null
      if (raw) {
        body = String(req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")
          ? Object.fromEntries(new URLSearchParams(raw))
          : safeJson(raw)
      }
      requests.push({ method, path: url.pathname + url.search, headers: req.headers, body })

      const requestId = req.headers["paypal-request-id"]
      const key = typeof requestId === "string" && method === "POST" ? `${url.pathname} ${requestId}` : null
      let reply = key ? replies.get(key) : undefined
      if (!reply) {
        reply = route(method, url.pathname, req.headers, body)
        // Only what succeeded is remembered: a refused call may be tried again.
        if (key && reply.status < 300) {
          replies.set(key, { status: reply.status, body: JSON.parse(JSON.stringify(reply.body)) })
        }
      }
      if (reply.body === null) {
        res.writeHead(reply.status)
        res.end()
        return
      }
      res.writeHead(reply.status, { "content-type": "application/json", "paypal-debug-id": `dbg${seq}` })
      res.end(JSON.stringify(reply.body))
    })
  })

  const fake = {
    /** Every request received, in order. */
    requests,
    /** The orders the fake holds, by id (PayPal's JSON). */
    orders,
    /** Requests to `path` (exact, or a RegExp) with `method`. */
    calls(method: string, path: string | RegExp) {
      return requests.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path)))
    },
    /** Listens (on `options.port`, default a free port) and resolves the base URL. */
    start() {
      return new Promise<string>((resolve) =>
        server.listen(options.port ?? 0, "127.0.0.1", () => {
          baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
          resolve(baseUrl)
        })
      )
    },
    stop() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      })
    },
    /** The buyer approves the order in PayPal's checkout (CREATED or PAYER_ACTION_REQUIRED → APPROVED). */
    approve(orderId: string, payer: { email_address: string; payer_id: string } = { email_address: "buyer@example.com", payer_id: "FAKEPAYER01" }) {
      const order = orders.get(orderId)
      if (!order) {
        throw new Error(`fakePayPal: no order ${orderId}`)
      }
      order.status = "APPROVED"
      order.payer = payer
      order.update_time = now()
      return order
    },
    /** The next capture is declined: 422 with `details[0].issue` INSTRUMENT_DECLINED. */
    declineNext() {
      declines++
    },
    /**
     * A webhook as PayPal would post it about `orderId`, signed with the fake's
     * scheme: `{ body, headers, event }`. Order events carry the order as the
     * resource; `PAYMENT.CAPTURE.*` events carry the order's capture (one is
     * made up, with the order's amount and custom_id, if it has none yet).
     */
    webhook(eventType: string, orderId: string, tamper?: (event: Record<string, any>) => void) {
      const order = orders.get(orderId)
      if (!order) {
        throw new Error(`fakePayPal: no order ${orderId}`)
      }
      const unit = order.purchase_units[0]
      const isCapture = eventType.startsWith("PAYMENT.CAPTURE.")
      const resource = isCapture
        ? {
            ...(unit.payments?.captures[0] ?? {
              id: id("3C"),
              amount: { ...unit.amount },
              ...(unit.custom_id ? { custom_id: unit.custom_id } : {}),
              final_capture: true,
              create_time: now(),
              update_time: now(),
            }),
            status: eventType === "PAYMENT.CAPTURE.DENIED" ? "DECLINED" : (unit.payments?.captures[0]?.status ?? "COMPLETED"),
            supplementary_data: { related_ids: { order_id: order.id } },
          }
        : JSON.parse(JSON.stringify(order))
      const event: Record<string, any> = {
        id: `WH-${randomUUID()}`,
        event_version: "1.0",
        create_time: now(),
        resource_type: isCapture ? "capture" : "checkout-order",
        resource_version: "2.0",
        event_type: eventType,
        summary: `Fake ${eventType}`,
        resource,
      }
      const transmissionId = randomUUID()
      const transmissionTime = now()
      const signed = JSON.stringify(event)
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "paypal-auth-algo": "SHA256withRSA",
        "paypal-cert-url": `${baseUrl || "https://api-m.sandbox.paypal.com"}/v1/notifications/certs/CERT-FAKE`,
        "paypal-transmission-id": transmissionId,
        "paypal-transmission-sig": sign(transmissionId, transmissionTime, webhookId, signed),
        "paypal-transmission-time": transmissionTime,
      }
      if (tamper) {
        tamper(event)
      }
      return { body: JSON.stringify(event), headers, event }
    },
    /** The credentials and webhook id this fake accepts (for the provider's options). */
    credentials: { client_id: clientId, client_secret: clientSecret, webhook_id: webhookId },
  }
  return fake
}

function safeJson(raw: string) {
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

export type FakePayPal = ReturnType<typeof fakePayPal>
