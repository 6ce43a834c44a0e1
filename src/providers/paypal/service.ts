import {
  CheckoutPaymentIntent,
  Client,
  Environment,
  OrderApplicationContextShippingPreference,
  OrdersController,
  PatchOp,
  PaymentsController,
  type OAuthToken,
  type Order,
  type OrdersCapture,
} from "@paypal/paypal-server-sdk"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  BigNumberInput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import {
  AbstractPaymentProvider,
  MathBN,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import axios, { type AxiosAdapter } from "axios"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import { randomUUID } from "node:crypto"

/** Options of the PayPal provider (medusa-config.ts, under the payment module's providers). */
export type PayPalOptions = {
  /** REST app client id (developer.paypal.com → Apps & Credentials). Required. */
  client_id: string
  /** REST app secret. Required. */
  client_secret: string
  /** `sandbox` (default) or `live`. */
  environment?: "sandbox" | "live"
  /** PayPal's id of the webhook registered for this app; needed to verify webhook signatures. */
  webhook_id?: string
  /** Shop name shown on PayPal's checkout pages. */
  brand_name?: string
  /**
   * Only for tests: the origin (and optional path) of a PayPal-compatible mock,
   * e.g. `http://127.0.0.1:4010`. Unset in production: the SDK talks to
   * `https://api-m.sandbox.paypal.com` or `https://api-m.paypal.com`.
   */
  api_base_url?: string
}

/** One refund recorded on the payment's data. */
export type PayPalRefund = { id: string; status: string; amount: number; currency_code: string }

/** What the provider keeps on the payment session (and the payment). */
export type PayPalSessionData = {
  /** PayPal order id. */
  id: string
  /** PayPal order status (CREATED, APPROVED, COMPLETED, …) as last seen. */
  status: string
  /** Session amount in major units, and its currency (lower-case, as Medusa keeps it). */
  amount: number
  currency_code: string
  /** Medusa payment session id, also the order's `custom_id`. */
  session_id: string | null
  capture_id?: string
  /** PayPal capture status (COMPLETED, PENDING). */
  capture_status?: string
  captured_amount?: number
  refunds?: PayPalRefund[]
}

const PAYPAL_ORIGINS = ["https://api-m.sandbox.paypal.com", "https://api-m.paypal.com"]
/** Currencies PayPal takes without decimals. */
const ZERO_DECIMAL = new Set(["JPY", "HUF", "TWD"])
const WEBHOOK_HEADERS = {
  auth_algo: "paypal-auth-algo",
  cert_url: "paypal-cert-url",
  transmission_id: "paypal-transmission-id",
  transmission_sig: "paypal-transmission-sig",
  transmission_time: "paypal-transmission-time",
} as const

/** PayPal's decimal string for a Medusa amount (major units): "49.50", "5000". */
export function toPayPalAmount(amount: BigNumberInput, currencyCode: string): { currencyCode: string; value: string } {
  const currency = currencyCode.toUpperCase()
  return { currencyCode: currency, value: MathBN.convert(amount).toFixed(ZERO_DECIMAL.has(currency) ? 0 : 2) }
}

/**
 * An axios adapter that sends the SDK's requests for PayPal's API origins to
 * `baseUrl` instead (a PayPal-compatible mock) through axios's own http adapter.
 */
export function redirectingAdapter(baseUrl: string): AxiosAdapter {
  const http = axios.getAdapter("http")
  const target = baseUrl.replace(/\/+$/, "")
  return (config) => {
    if (config.url) {
      const origin = PAYPAL_ORIGINS.find((o) => config.url === o || config.url!.startsWith(`${o}/`))
      if (origin) {
        config = { ...config, url: target + config.url.slice(origin.length) }
      }
    }
    return http(config)
  }
}

type WebhookMoney = { value?: string; currency_code?: string }
/** The parts of a PayPal webhook event the provider reads. */
type PayPalWebhookEvent = {
  event_type?: string
  resource?: {
    custom_id?: string
    amount?: WebhookMoney
    purchase_units?: { custom_id?: string; amount?: WebhookMoney }[]
  }
}

type PayPalApiError = {
  statusCode?: number
  message?: string
  result?: { name?: string; message?: string; debug_id?: string; details?: { issue?: string; description?: string }[] }
}

function apiError(e: unknown): PayPalApiError | null {
  return e && typeof e === "object" && typeof (e as PayPalApiError).statusCode === "number" ? (e as PayPalApiError) : null
}

function issueOf(e: unknown): string | undefined {
  return apiError(e)?.result?.details?.[0]?.issue
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name] ?? headers?.[name.toLowerCase()]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === "string" && first ? first : undefined
}

/**
 * PayPal Checkout as a Medusa payment provider, on PayPal's official
 * `@paypal/paypal-server-sdk`. A payment session is a PayPal order (intent
 * CAPTURE, `custom_id` = the session id); the storefront has the buyer
 * approve it with PayPal's JS SDK; authorizing the session captures the
 * approved order (services ship nothing, so money is taken at checkout).
 * Webhooks are verified with PayPal's verify-webhook-signature API before
 * anything is read from them.
 *
 * Identifier `paypal`: registered with id `paypal`, the provider id is `pp_paypal_paypal`.
 */
export class PayPalProviderService extends AbstractPaymentProvider<PayPalOptions> {
  static override identifier = "paypal"

  protected readonly options_: PayPalOptions
  protected readonly logger_?: Logger
  protected readonly client_: Client
  protected readonly orders_: OrdersController
  protected readonly payments_: PaymentsController
  /** Where the API is: the SDK's origin for the environment, or `api_base_url`. */
  protected readonly apiBase_: string
  private token_?: OAuthToken
  private tokenRequest_?: Promise<OAuthToken>

  /** Refuses options without credentials (checked when the payment module loads the provider). */
  static override validateOptions(options: Record<string, unknown>) {
    for (const key of ["client_id", "client_secret"]) {
      if (typeof options?.[key] !== "string" || !options[key]) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `The PayPal payment provider needs the option '${key}' (PAYPAL_${key.toUpperCase()})`
        )
      }
    }
    if (options.environment !== undefined && options.environment !== "sandbox" && options.environment !== "live") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The PayPal payment provider's option 'environment' must be "sandbox" or "live", not '${String(options.environment)}'`
      )
    }
  }

  constructor(container: Record<string, unknown>, options: PayPalOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>, PayPalOptions]))
    this.options_ = options
    this.logger_ = container.logger as Logger | undefined
    const live = options.environment === "live"
    this.apiBase_ = (options.api_base_url || PAYPAL_ORIGINS[live ? 1 : 0]).replace(/\/+$/, "")
    this.client_ = new Client({
      environment: live ? Environment.Production : Environment.Sandbox,
      timeout: 30_000,
      clientCredentialsAuthCredentials: {
        oAuthClientId: options.client_id,
        oAuthClientSecret: options.client_secret,
        oAuthClockSkew: 60,
        // One token for the SDK's calls and the webhook verification.
        oAuthTokenProvider: () => this.accessToken_(),
      },
      ...(options.api_base_url ? { unstable_httpClientOptions: { adapter: redirectingAdapter(options.api_base_url) } } : {}),
    })
    this.orders_ = new OrdersController(this.client_)
    this.payments_ = new PaymentsController(this.client_)
  }

  /** An OAuth token from the SDK's client-credentials flow, cached until it expires. */
  protected async accessToken_(): Promise<OAuthToken> {
    const manager = this.client_.clientCredentialsAuthManager
    if (this.token_ && !manager.isExpired(this.token_)) {
      return this.token_
    }
    this.tokenRequest_ ??= manager
      .fetchToken()
      .then((token) => (this.token_ = token))
      .finally(() => (this.tokenRequest_ = undefined))
    return this.tokenRequest_
  }

  /** Creates a PayPal order for the session's amount (PayPal-Request-Id: the idempotency key, else the session id). */
  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const sessionId = (input.data?.session_id as string | undefined) ?? null
    const requestId = input.context?.idempotency_key ?? sessionId ?? randomUUID()
    const data = await this.createOrder_(input.amount, input.currency_code, sessionId, requestId)
    return { id: data.id, data, status: PaymentSessionStatus.PENDING }
  }

  /**
   * New amount or currency: patches the order's amount while the buyer has not
   * approved it (same currency), otherwise starts a new order.
   */
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = input.data as PayPalSessionData | undefined
    const amount = Number(input.amount)
    const currency = input.currency_code.toLowerCase()
    if (!data?.id) {
      const sessionId = (input.data?.session_id as string | undefined) ?? null
      const created = await this.createOrder_(input.amount, currency, sessionId, input.context?.idempotency_key ?? randomUUID())
      return { data: created, status: PaymentSessionStatus.PENDING }
    }
    if (data.amount === amount && data.currency_code === currency) {
      return { data }
    }
    const order = await this.call_(() => this.orders_.getOrder({ id: data.id }))
    if (order.status === "CREATED" && data.currency_code === currency) {
      const money = this.money_(input.amount, currency)
      await this.call_(() =>
        this.orders_.patchOrder({
          id: data.id,
          body: [
            {
              op: PatchOp.Replace,
              path: "/purchase_units/@reference_id=='default'/amount",
              // `value` is untyped in the SDK and sent as is: PayPal's own (snake_case) JSON.
              value: { currency_code: money.currencyCode, value: money.value },
            },
          ],
        })
      )
      return { data: { ...data, amount, currency_code: currency, status: order.status }, status: PaymentSessionStatus.PENDING }
    }
    // An approved order was approved for the old amount: the buyer approves a new one.
    const created = await this.createOrder_(input.amount, currency, data.session_id, randomUUID())
    return { data: created, status: PaymentSessionStatus.PENDING }
  }

  /**
   * Captures the order once the buyer has approved it (PayPal-Request-Id
   * `capture-<session id>`, so a retry never captures twice); an order
   * captured already (a webhook got there first) is fine. Not yet approved:
   * `pending`/`requires_more`. Declined: a MedusaError the client can read.
   */
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = this.sessionData_(input.data)
    let order = await this.call_(() => this.orders_.getOrder({ id: data.id }))
    this.assertSameAmount_(order, data)
    if (order.status === "APPROVED") {
      order = await this.capture_(data)
    }
    if (order.status === "COMPLETED") {
      return this.capturedResult_(order, data)
    }
    const status = this.sessionStatus_(order.status)
    return { status, data: { ...data, status: order.status ?? data.status } }
  }

  /** Captures the order unless authorizing did already (then the data is returned as is). */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = this.sessionData_(input.data)
    if (data.capture_id) {
      return { data }
    }
    let order = await this.call_(() => this.orders_.getOrder({ id: data.id }))
    this.assertSameAmount_(order, data)
    if (order.status !== "COMPLETED") {
      order = await this.capture_(data)
    }
    const result = this.capturedResult_(order, data)
    return { data: result.data }
  }

  /** Refunds `amount` of the capture (PayPal-Request-Id: the refund's idempotency key). */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = this.sessionData_(input.data)
    if (!data.capture_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This PayPal payment was not captured, so there is nothing to refund.")
    }
    const refund = await this.call_(() =>
      this.payments_.refundCapturedPayment({
        captureId: data.capture_id!,
        paypalRequestId: input.context?.idempotency_key,
        prefer: "return=representation",
        body: { amount: this.money_(input.amount, data.currency_code) },
      })
    )
    const recorded: PayPalRefund = {
      id: refund.id ?? "",
      status: refund.status ?? "PENDING",
      amount: Number(refund.amount?.value ?? MathBN.convert(input.amount).toNumber()),
      currency_code: (refund.amount?.currencyCode ?? data.currency_code).toLowerCase(),
    }
    const refunds = (data.refunds ?? []).filter((r) => r.id !== recorded.id)
    return { data: { ...data, refunds: [...refunds, recorded] } }
  }

  /** Nothing to give back for an uncaptured order: PayPal lets it expire. */
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: input.data ?? {} }
  }

  /** Nothing to delete at PayPal: an uncaptured order expires. */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }

  /** The session data with the order's current status. */
  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const data = this.sessionData_(input.data)
    const order = await this.call_(() => this.orders_.getOrder({ id: data.id }))
    return { data: { ...data, status: order.status ?? data.status } }
  }

  /** The order's status in Medusa's terms (APPROVED → authorized, COMPLETED → captured, …). */
  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = this.sessionData_(input.data)
    const order = await this.call_(() => this.orders_.getOrder({ id: data.id }))
    return { status: this.sessionStatus_(order.status), data: { ...data, status: order.status ?? data.status } }
  }

  /**
   * Verifies the webhook's signature with PayPal first (throws when headers are
   * missing or PayPal does not answer SUCCESS), then maps the event:
   * CHECKOUT.ORDER.APPROVED → authorized, PAYMENT.CAPTURE.COMPLETED → captured,
   * PAYMENT.CAPTURE.DENIED → failed; anything else, or no custom_id, is not supported.
   */
  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const event = await this.verifyWebhook_(payload)
    const type = event.event_type ?? ""
    const resource = event.resource ?? {}
    const action =
      type === "CHECKOUT.ORDER.APPROVED"
        ? PaymentActions.AUTHORIZED
        : type === "PAYMENT.CAPTURE.COMPLETED"
          ? PaymentActions.SUCCESSFUL
          : type === "PAYMENT.CAPTURE.DENIED"
            ? PaymentActions.FAILED
            : null
    if (!action) {
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    const source = type.startsWith("CHECKOUT.ORDER.") ? resource.purchase_units?.[0] : resource
    const sessionId = source?.custom_id
    const amount = source?.amount
    if (typeof sessionId !== "string" || !sessionId || !amount?.value || !amount?.currency_code) {
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    // currency_code besides Medusa's fields: Portico's webhook guard compares it with the session's.
    const data = { session_id: sessionId, amount: Number(amount.value), currency_code: String(amount.currency_code).toLowerCase() }
    return { action, data }
  }

  /** The event, once PayPal has confirmed its signature for our webhook id. */
  protected async verifyWebhook_(payload: ProviderWebhookPayload["payload"]): Promise<PayPalWebhookEvent> {
    const fail = (why: string): never => {
      this.logger_?.warn?.(`PayPal webhook refused: ${why}`)
      throw new Error("PayPal webhook signature verification failed")
    }
    const headers = payload.headers as Record<string, unknown> | undefined
    const signature: Record<string, string> = {}
    for (const [field, header] of Object.entries(WEBHOOK_HEADERS)) {
      const value = headerValue(headers, header)
      if (!value) {
        fail(`header ${header} missing`)
      }
      signature[field] = value!
    }
    if (!this.options_.webhook_id) {
      fail("the provider has no webhook_id option")
    }
    // Verify the bytes PayPal sent: re-serialised JSON may differ from what was signed.
    const raw = payload.rawData ? (Buffer.isBuffer(payload.rawData) ? payload.rawData.toString("utf8") : String(payload.rawData)) : null
    let event: PayPalWebhookEvent
    try {
      event = raw ? JSON.parse(raw) : (payload.data as PayPalWebhookEvent)
    } catch {
      return fail("body is not JSON")
    }
    if (!event || typeof event !== "object") {
      fail("no body")
    }
    const head = JSON.stringify({ ...signature, webhook_id: this.options_.webhook_id })
    const body = `${head.slice(0, -1)},"webhook_event":${raw ?? JSON.stringify(event)}}`
    const token = await this.accessToken_()
    const response = await fetch(`${this.apiBase_}/v1/notifications/verify-webhook-signature`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.accessToken}` },
      body,
    })
    const answer = (await response.json().catch(() => null)) as { verification_status?: string } | null
    if (!response.ok || answer?.verification_status !== "SUCCESS") {
      fail(`PayPal answered ${response.status} ${answer?.verification_status ?? ""}`.trim())
    }
    return event
  }

  protected async createOrder_(
    amount: BigNumberInput,
    currencyCode: string,
    sessionId: string | null,
    requestId: string
  ): Promise<PayPalSessionData> {
    const order = await this.call_(() =>
      this.orders_.createOrder({
        paypalRequestId: requestId,
        prefer: "return=representation",
        body: {
          intent: CheckoutPaymentIntent.Capture,
          purchaseUnits: [
            {
              referenceId: "default",
              amount: this.money_(amount, currencyCode),
              ...(sessionId ? { customId: sessionId } : {}),
            },
          ],
          applicationContext: {
            ...(this.options_.brand_name ? { brandName: this.options_.brand_name } : {}),
            // Services ship nothing: PayPal asks for no address.
            shippingPreference: OrderApplicationContextShippingPreference.NoShipping,
          },
        },
      })
    )
    if (!order.id) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "PayPal created an order without an id")
    }
    return {
      id: order.id,
      status: order.status ?? "CREATED",
      amount: Number(amount),
      currency_code: currencyCode.toLowerCase(),
      session_id: sessionId,
    }
  }

  /** Captures the order; a decline becomes a message the client can act on. */
  protected async capture_(data: PayPalSessionData): Promise<Order> {
    try {
      const { result } = await this.orders_.captureOrder({
        id: data.id,
        paypalRequestId: `capture-${data.session_id ?? data.id}`,
        prefer: "return=representation",
      })
      const status = this.captureOf_(result)?.status
      if (status === "DECLINED" || status === "FAILED") {
        throw this.declined_()
      }
      return result
    } catch (e) {
      if (e instanceof MedusaError) {
        throw e
      }
      const issue = issueOf(e)
      if (issue === "ORDER_ALREADY_CAPTURED") {
        // Someone else captured it between our read and our capture: read the result.
        return this.call_(() => this.orders_.getOrder({ id: data.id }))
      }
      if (issue === "INSTRUMENT_DECLINED" || (apiError(e)?.statusCode === 422 && /DECLINED/.test(issue ?? ""))) {
        throw this.declined_()
      }
      throw this.wrap_(e)
    }
  }

  protected capturedResult_(order: Order, data: PayPalSessionData): AuthorizePaymentOutput {
    const capture = this.captureOf_(order)
    if (!capture?.id) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `PayPal order ${data.id} is completed but shows no capture`)
    }
    if (capture.status === "DECLINED" || capture.status === "FAILED") {
      throw this.declined_()
    }
    const captured = {
      ...data,
      status: order.status ?? "COMPLETED",
      capture_id: capture.id,
      capture_status: capture.status,
      captured_amount: Number(capture.amount?.value ?? data.amount),
    }
    // A pending capture (e.g. an eCheck) is money on its way: the webhook PAYMENT.CAPTURE.COMPLETED captures it.
    return {
      status: capture.status === "PENDING" ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.CAPTURED,
      data: captured,
    }
  }

  protected captureOf_(order: Order): OrdersCapture | undefined {
    return order.purchaseUnits?.[0]?.payments?.captures?.[0]
  }

  /** The order must be for the session's amount: never take a different amount than the session's. */
  protected assertSameAmount_(order: Order, data: PayPalSessionData) {
    const expected = this.money_(data.amount, data.currency_code)
    const actual = order.purchaseUnits?.[0]?.amount
    if (!actual || actual.currencyCode !== expected.currencyCode || actual.value !== expected.value) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `PayPal order ${data.id} is for ${actual?.value ?? "?"} ${actual?.currencyCode ?? "?"}, the payment session for ${expected.value} ${expected.currencyCode}`
      )
    }
  }

  protected sessionStatus_(status: string | undefined): PaymentSessionStatus {
    switch (status) {
      case "APPROVED":
        return PaymentSessionStatus.AUTHORIZED
      case "COMPLETED":
        return PaymentSessionStatus.CAPTURED
      case "VOIDED":
        return PaymentSessionStatus.CANCELED
      case "PAYER_ACTION_REQUIRED":
        return PaymentSessionStatus.REQUIRES_MORE
      default:
        return PaymentSessionStatus.PENDING
    }
  }

  protected sessionData_(data: Record<string, unknown> | undefined): PayPalSessionData {
    if (!data || typeof data.id !== "string") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The payment session has no PayPal order id")
    }
    return data as unknown as PayPalSessionData
  }

  protected money_(amount: BigNumberInput, currencyCode: string) {
    return toPayPalAmount(amount, currencyCode)
  }

  /** A decline, with the same stable code as Stripe's refusals (`payment_declined`). */
  protected declined_() {
    return new PorticoError(
      MedusaError.Types.NOT_ALLOWED,
      PorticoErrorCode.PAYMENT_DECLINED,
      "PayPal declined the payment: the bank or card behind the PayPal account refused it. Choose another funding source or method."
    )
  }

  /** Runs an SDK call and returns its result; PayPal's errors become MedusaErrors. */
  protected async call_<T>(fn: () => Promise<{ result: T }>): Promise<T> {
    try {
      return (await fn()).result
    } catch (e) {
      throw this.wrap_(e)
    }
  }

  protected wrap_(e: unknown) {
    if (e instanceof MedusaError) {
      return e
    }
    const api = apiError(e)
    const detail = api?.result?.details?.[0]
    const message = api
      ? `PayPal: ${detail?.issue ?? api.result?.name ?? api.statusCode}${detail?.description ? ` (${detail.description})` : ""}${api.result?.debug_id ? ` [debug_id ${api.result.debug_id}]` : ""}`
      : `PayPal: ${(e as Error)?.message ?? String(e)}`
    this.logger_?.error?.(message)
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, message)
  }
}

export default PayPalProviderService
