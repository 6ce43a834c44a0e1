import { createServer, type IncomingHttpHeaders, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { parse } from "qs"
import Stripe from "stripe"

/** One request the fake received: what the Stripe SDK sent, decoded. */
export type StripeRequest = {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The form body, decoded (`metadata[session_id]` → `{ metadata: { session_id } }`). */
  body: Record<string, any>
}

type Intent = {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  currency: string
  status: string
  capture_method: string
  client_secret: string
  customer: string | null
  metadata: Record<string, string>
  setup_future_usage: string | null
  payment_method: string | null
  last_payment_error: { code: string; message: string; decline_code?: string } | null
  next_action: { type: string } | null
  latest_charge: string | null
}

type SetupIntent = {
  id: string
  object: "setup_intent"
  client_secret: string
  customer: string | null
  status: string
  usage: string
  payment_method: string | null
  last_setup_error: { code: string; message: string; decline_code?: string } | null
}

/** Stripe's test card numbers, as the fake's browser calls understand them. */
export const TEST_CARDS: Record<string, "ok" | "declined" | "3ds"> = {
  "4242424242424242": "ok",
  "4000000000000002": "declined",
  // "Always authenticate": 3-D Secure is asked on every payment.
  "4000002760003184": "3ds",
}

/**
 * A local stand-in for api.stripe.com, implementing the calls Medusa's Stripe
 * provider makes (customers, payment intents, refunds, payment methods), with
 * Stripe's idempotency (the same `Idempotency-Key` answers the same result).
 * The test plays the browser with `confirm` (what Stripe.js does with the
 * card: succeeds, declines or asks for 3-D Secure) and Stripe with `event`
 * (a webhook signed like Stripe signs them). A browser can also play itself:
 * the calls Stripe.js makes with the publishable key and the client secret
 * (retrieve, confirm with a test card number, and the fake's 3-D Secure
 * challenge, `fake_3ds`) are answered too (see `fromBrowser`).
 */
export function fakeStripe(webhookSecret: string) {
  const requests: StripeRequest[] = []
  const intents = new Map<string, Intent>()
  const customers = new Map<string, Record<string, unknown>>()
  const refunds: Record<string, unknown>[] = []
  const replies = new Map<string, { status: number; body: unknown }>()
  const offSession = new Map<string, "ok" | "declined" | "hard_decline" | "3ds">()
  let seq = 0
  const id = (prefix: string) => `${prefix}_fake${++seq}`

  const setupIntents = new Map<string, SetupIntent>()
  /** The last four digits of each payment method the browser created, for `card.last4`. */
  const cards = new Map<string, string>()

  function paymentMethod(pm: string, customer: string | null) {
    return { id: pm, object: "payment_method", type: "card", customer, card: { brand: "visa", last4: cards.get(pm) ?? "4242" } }
  }

  /** Stripe.js's `confirmCardSetup`: the card is checked and, if good, kept on the SetupIntent's customer. */
  function confirmSetup(setupId: string, body: Record<string, any>) {
    if (typeof body.key !== "string" || !body.key.startsWith("pk_")) {
      return error(401, "invalid_request_error", "Invalid API Key provided: a publishable key (pk_…) is expected")
    }
    const setup = setupIntents.get(setupId)
    if (!setup || body.client_secret !== setup.client_secret) {
      return error(404, "invalid_request_error", `No such setupintent: '${setupId}'`, { code: "resource_missing" })
    }
    const number = String(body.payment_method_data?.card?.number ?? "")
    const card = TEST_CARDS[number]
    if (!card) {
      return error(402, "card_error", "Your card number is incorrect.", { code: "incorrect_number", setup_intent: setup })
    }
    if (card === "declined") {
      setup.last_setup_error = { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." }
      return error(402, "card_error", "Your card was declined.", { code: "card_declined", decline_code: "generic_decline", setup_intent: setup })
    }
    setup.payment_method = id("pm")
    cards.set(setup.payment_method, number.slice(-4))
    setup.status = "succeeded"
    setup.last_setup_error = null
    return { status: 200, body: setup }
  }

  function error(status: number, type: string, message: string, extra: Record<string, unknown> = {}) {
    return { status, body: { error: { type, message, ...extra } } }
  }

  function route(method: string, path: string, body: Record<string, any>): { status: number; body: unknown } {
    let m: RegExpMatchArray | null
    if ((m = path.match(/^\/v1\/payment_intents\/([^/]+)\/(confirm|fake_3ds)$/)) && method === "POST") {
      return fromBrowser(m[1], m[2] as "confirm" | "fake_3ds", body)
    }
    if ((m = path.match(/^\/v1\/payment_intents\/([^/]+)$/)) && method === "GET" && body.key !== undefined) {
      return fromBrowser(m[1], "retrieve", body)
    }
    if ((m = path.match(/^\/v1\/setup_intents\/([^/]+)\/confirm$/)) && method === "POST") {
      return confirmSetup(m[1], body)
    }
    if (method === "POST" && path === "/v1/setup_intents") {
      const setup: SetupIntent = {
        id: id("seti"),
        object: "setup_intent",
        client_secret: "",
        customer: body.customer ?? null,
        status: "requires_payment_method",
        usage: body.usage ?? "off_session",
        payment_method: null,
        last_setup_error: null,
      }
      setup.client_secret = `${setup.id}_secret_fake`
      setupIntents.set(setup.id, setup)
      return { status: 200, body: setup }
    }
    if ((m = path.match(/^\/v1\/setup_intents\/([^/]+)$/)) && method === "GET") {
      const setup = setupIntents.get(m[1])
      if (!setup || (body.key !== undefined && body.client_secret !== setup.client_secret)) {
        return error(404, "invalid_request_error", `No such setupintent: '${m[1]}'`, { code: "resource_missing" })
      }
      return { status: 200, body: setup }
    }
    if (method === "POST" && path === "/v1/customers") {
      const customer = { id: id("cus"), object: "customer", email: body.email ?? null, name: body.name ?? null }
      customers.set(customer.id, customer)
      return { status: 200, body: customer }
    }
    if (method === "POST" && path === "/v1/payment_intents") {
      const amount = Number(body.amount)
      if (!Number.isInteger(amount) || amount < 1) {
        return error(400, "invalid_request_error", "Invalid positive integer", { param: "amount" })
      }
      const intent: Intent = {
        id: id("pi"),
        object: "payment_intent",
        amount,
        amount_capturable: 0,
        amount_received: 0,
        currency: String(body.currency),
        status: "requires_payment_method",
        capture_method: body.capture_method ?? "automatic",
        client_secret: "",
        customer: body.customer ?? null,
        metadata: body.metadata ?? {},
        setup_future_usage: body.setup_future_usage ?? null,
        payment_method: null,
        last_payment_error: null,
        next_action: null,
        latest_charge: null,
      }
      intent.client_secret = `${intent.id}_secret_fake`
      intents.set(intent.id, intent)
      if (body.confirm === "true" || body.confirm === true) {
        // A server-side confirm with a saved card (a renewal charged off-session):
        // the outcome is what the test set for that payment method (`offSession`).
        const outcome = offSession.get(String(body.payment_method)) ?? "ok"
        intent.payment_method = String(body.payment_method)
        if (outcome === "ok") {
          return { status: 200, body: stripe.authenticate(intent.id) }
        }
        const decline = {
          declined: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
          hard_decline: { code: "card_declined", decline_code: "stolen_card", message: "Your card was declined." },
          "3ds": {
            code: "authentication_required",
            decline_code: "authentication_required",
            message: "Your card was declined. This transaction requires authentication.",
          },
        }[outcome]
        intent.status = "requires_payment_method"
        intent.last_payment_error = decline
        return error(402, "card_error", decline.message, { code: decline.code, decline_code: decline.decline_code, payment_intent: intent })
      }
      return { status: 200, body: intent }
    }
    if ((m = path.match(/^\/v1\/payment_intents\/([^/]+)(\/(capture|cancel))?$/))) {
      const intent = intents.get(m[1])
      if (!intent) {
        return error(404, "invalid_request_error", `No such payment_intent: '${m[1]}'`, { code: "resource_missing" })
      }
      if (method === "GET" && !m[3]) {
        return { status: 200, body: intent }
      }
      if (method === "POST" && !m[3]) {
        if (body.amount !== undefined) {
          intent.amount = Number(body.amount)
        }
        return { status: 200, body: intent }
      }
      if (method === "POST" && m[3] === "capture") {
        if (intent.status !== "requires_capture") {
          return error(400, "invalid_request_error", "This PaymentIntent could not be captured.", {
            code: "payment_intent_unexpected_state",
            payment_intent: intent,
          })
        }
        intent.status = "succeeded"
        intent.amount_received = intent.amount_capturable
        intent.amount_capturable = 0
        return { status: 200, body: intent }
      }
      if (method === "POST" && m[3] === "cancel") {
        if (intent.status === "succeeded") {
          return error(400, "invalid_request_error", "You cannot cancel this PaymentIntent.", {
            code: "payment_intent_unexpected_state",
            payment_intent: intent,
          })
        }
        intent.status = "canceled"
        return { status: 200, body: intent }
      }
    }
    if (method === "POST" && path === "/v1/refunds") {
      const intent = intents.get(String(body.payment_intent))
      if (!intent) {
        return error(404, "invalid_request_error", "No such payment_intent", { code: "resource_missing" })
      }
      const refunded = refunds.filter((r) => r.payment_intent === intent.id).reduce((s, r) => s + Number(r.amount), 0)
      const amount = body.amount !== undefined ? Number(body.amount) : intent.amount_received - refunded
      if (amount + refunded > intent.amount_received) {
        return error(400, "invalid_request_error", "Refund amount is greater than unrefunded amount on charge", {
          code: "amount_too_large",
        })
      }
      const refund = { id: id("re"), object: "refund", amount, currency: intent.currency, payment_intent: intent.id, status: "succeeded" }
      refunds.push(refund)
      return { status: 200, body: refund }
    }
    if (method === "GET" && (m = path.match(/^\/v1\/payment_methods\/([^/]+)$/))) {
      return { status: 200, body: paymentMethod(m[1], null) }
    }
    if (method === "GET" && (m = path.match(/^\/v1\/customers\/([^/]+)\/payment_methods$/))) {
      const customer = m[1]
      const ids = new Set<string>([
        ...[...intents.values()].filter((i) => i.customer === customer && i.setup_future_usage && i.payment_method).map((i) => i.payment_method!),
        ...[...setupIntents.values()].filter((x) => x.customer === customer && x.payment_method).map((x) => x.payment_method!),
      ])
      return {
        status: 200,
        body: { object: "list", has_more: false, data: [...ids].map((pm) => paymentMethod(pm, customer)) },
      }
    }
    return error(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path})`)
  }

  /**
   * What Stripe.js calls with the publishable key (`key`) and the intent's
   * client secret: retrieve the intent, confirm it with a card (the outcome is
   * Stripe's for its test card numbers), and `fake_3ds`, the fake's stand-in
   * for the 3-D Secure challenge page (`outcome`: `complete` or `fail`).
   */
  function fromBrowser(intentId: string, call: "retrieve" | "confirm" | "fake_3ds", body: Record<string, any>) {
    if (typeof body.key !== "string" || !body.key.startsWith("pk_")) {
      return error(401, "invalid_request_error", "Invalid API Key provided: a publishable key (pk_…) is expected")
    }
    const intent = intents.get(intentId)
    if (!intent || body.client_secret !== intent.client_secret) {
      return error(404, "invalid_request_error", `No such payment_intent: '${intentId}'`, { code: "resource_missing" })
    }
    if (call === "retrieve") {
      return { status: 200, body: intent }
    }
    if (call === "confirm") {
      if (intent.status !== "requires_payment_method" && intent.status !== "requires_confirmation") {
        return error(400, "invalid_request_error", `This PaymentIntent's status is ${intent.status}; it cannot be confirmed.`, {
          code: "payment_intent_unexpected_state",
          payment_intent: intent,
        })
      }
      const number = String(body.payment_method_data?.card?.number ?? "")
      const card = TEST_CARDS[number]
      if (!card) {
        return error(402, "card_error", "Your card number is incorrect.", { code: "incorrect_number", payment_intent: intent })
      }
      const confirmed = stripe.confirm(intent.id, card)
      if (card === "declined") {
        return error(402, "card_error", confirmed.last_payment_error!.message, {
          code: "card_declined",
          decline_code: "generic_decline",
          payment_intent: confirmed,
        })
      }
      return { status: 200, body: confirmed }
    }
    if (intent.status !== "requires_action") {
      return error(400, "invalid_request_error", "This PaymentIntent has no 3-D Secure challenge to answer.", {
        code: "payment_intent_unexpected_state",
      })
    }
    if (body.outcome === "complete") {
      return { status: 200, body: stripe.authenticate(intent.id) }
    }
    intent.status = "requires_payment_method"
    intent.next_action = null
    intent.last_payment_error = {
      code: "payment_intent_authentication_failure",
      message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
    }
    return { status: 200, body: intent }
  }

  const server: Server = createServer((req, res) => {
    let raw = ""
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake")
      const body = { ...(parse(url.search.slice(1)) as Record<string, any>), ...(parse(raw) as Record<string, any>) }
      const request = { method: req.method ?? "GET", path: url.pathname, headers: req.headers, body }
      requests.push(request)
      const key = req.headers["idempotency-key"]
      const replayKey = typeof key === "string" && request.method === "POST" ? `${url.pathname}:${key}` : null
      const reply = (replayKey && replies.get(replayKey)) || route(request.method, url.pathname, body)
      if (replayKey) {
        replies.set(replayKey, reply)
      }
      res.writeHead(reply.status, { "content-type": "application/json", "request-id": id("req") })
      res.end(JSON.stringify(reply.body))
    })
  })

  const stripe = {
    requests,
    setupIntents,
    /** The test confirms a SetupIntent as Stripe.js would with a card number (`4242…` succeeds). */
    confirmSetup: (setupId: string, number = "4242424242424242") => {
      const setup = setupIntents.get(setupId)!
      return confirmSetup(setupId, { key: "pk_test_fake", client_secret: setup.client_secret, payment_method_data: { card: { number } } })
    },
    /**
     * What a server-side (off-session) charge of a saved payment method does
     * from now on: `ok` (default), a soft decline (`insufficient_funds`), a
     * hard one (`stolen_card`) or `3ds` (Stripe's `authentication_required`).
     */
    offSession(paymentMethod: string, outcome: "ok" | "declined" | "hard_decline" | "3ds") {
      offSession.set(paymentMethod, outcome)
    },
    intents,
    customers,
    refunds,
    start: (port = 0) =>
      new Promise<string>((resolve) =>
        server.listen(port, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    /** The requests to one path (`/v1/payment_intents`, …). */
    to: (method: string, path: string | RegExp) =>
      requests.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path))),
    /**
     * What Stripe.js does when the client confirms with a card: `"ok"` pays
     * (held for capture with `capture_method: manual`), `"declined"` fails as
     * Stripe's test card 4000 0000 0000 0002 does, `"3ds"` asks for 3-D Secure
     * (`requires_action`) until `authenticate` is called.
     */
    confirm(intentId: string, card: "ok" | "declined" | "3ds") {
      const intent = intents.get(intentId)
      if (!intent) {
        throw new Error(`fake Stripe: no intent ${intentId}`)
      }
      intent.payment_method = id("pm")
      if (card === "declined") {
        intent.status = "requires_payment_method"
        intent.last_payment_error = { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." }
        return intent
      }
      if (card === "3ds") {
        intent.status = "requires_action"
        intent.next_action = { type: "use_stripe_sdk" }
        return intent
      }
      return this.authenticate(intentId)
    },
    /** The client passed 3-D Secure (or needed none): the payment goes through. */
    authenticate(intentId: string) {
      const intent = intents.get(intentId)!
      intent.next_action = null
      intent.last_payment_error = null
      intent.latest_charge = id("ch")
      if (intent.capture_method === "manual") {
        intent.status = "requires_capture"
        intent.amount_capturable = intent.amount
      } else {
        intent.status = "succeeded"
        intent.amount_received = intent.amount
      }
      return intent
    },
    /**
     * A webhook as Stripe sends it: the event JSON and a `stripe-signature`
     * header made with the webhook secret (`secret` to sign with another one).
     * `override` changes the intent as the event reports it (a tampered amount).
     */
    event(type: string, intentId: string, options: { secret?: string; override?: Partial<Intent> } = {}) {
      const intent = { ...intents.get(intentId)!, ...options.override }
      const payload = JSON.stringify({
        id: id("evt"),
        object: "event",
        api_version: "2024-04-10",
        created: Math.floor(Date.now() / 1000),
        type,
        data: { object: intent },
      })
      const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? webhookSecret })
      return { payload, headers: { "stripe-signature": header, "content-type": "application/json" } }
    },
  }
  return stripe
}
