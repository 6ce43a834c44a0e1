import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILockingModule, IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules, PaymentActions } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { PorticoErrorCode } from "../../utils/errors"
import { orderCreditRefundState } from "../../workflows/credit/order-refunds"
import { fromSignedInClient } from "./credit-middleware"

/** Webhook actions that move money: checked against the payment session before Medusa acts on them. */
const MONEY_ACTIONS = new Set<string>([PaymentActions.AUTHORIZED, PaymentActions.SUCCESSFUL])

/**
 * `POST /hooks/payment/:provider`, before Medusa's own route: Medusa answers
 * every webhook 200 and reads it later, so a forged one would only fail in
 * the background. Portico reads it now, with the provider's own code
 * (`getWebhookActionAndData`: Stripe checks `stripe-signature` against the
 * webhook secret, PayPal asks PayPal to verify the transmission):
 *
 * - a signature that does not verify → 400 `invalid_webhook`, nothing queued;
 * - an authorization or capture whose amount or currency differs from the
 *   payment session's → logged, answered 200 (a retry would not change it)
 *   and not passed on: nothing is captured and no order is placed;
 * - anything else goes on to Medusa's route, which queues it for
 *   `processPaymentWorkflow` (completes the cart, or captures) as usual.
 */
export async function verifyPaymentWebhook(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const provider = req.params.provider
  const payments = req.scope.resolve<IPaymentModuleService>(Modules.PAYMENT)
  let event: Awaited<ReturnType<IPaymentModuleService["getWebhookActionAndData"]>>
  try {
    event = await payments.getWebhookActionAndData({
      provider,
      payload: {
        data: req.body as Record<string, unknown>,
        rawData: (req as MedusaRequest & { rawBody?: string | Buffer }).rawBody ?? "",
        headers: req.headers as Record<string, unknown>,
      },
    })
  } catch (e) {
    logger.warn(`Portico: refused a ${provider} webhook: ${(e as Error).message}`)
    res.status(400).json({
      type: MedusaError.Types.INVALID_DATA,
      code: PorticoErrorCode.INVALID_WEBHOOK,
      message: "The webhook could not be verified (check its signature and the provider's webhook secret).",
    })
    return
  }
  const data = event.data as { session_id?: string; amount?: unknown; currency_code?: string } | undefined
  if (!MONEY_ACTIONS.has(event.action) || !data?.session_id) {
    return next()
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [session],
  } = await query.graph({
    entity: "payment_session",
    fields: ["id", "amount", "currency_code"],
    filters: { id: data.session_id },
  })
  if (!session) {
    // Not ours (or long gone): Medusa ignores it as well.
    return next()
  }
  const expected = Number(String(session.amount))
  const received = Number(String(data.amount ?? NaN))
  const sameCurrency = !data.currency_code || data.currency_code.toLowerCase() === session.currency_code.toLowerCase()
  if (!sameCurrency || !(Math.abs(received - expected) < 1e-9)) {
    logger.warn(
      `Portico: ignored a ${provider} webhook (${event.action}) for payment session ${session.id}: ` +
        `it reports ${received} ${data.currency_code ?? "?"}, the session is for ${expected} ${session.currency_code}. Nothing was captured.`
    )
    res.status(200).json({ received: true, processed: false, reason: "amount_mismatch" })
    return
  }
  next()
}

/** Medusa's Stripe providers (`pp_stripe_<id>`, and its method variants). */
const STRIPE = /^pp_stripe(-[a-z0-9]+)?_/
/** Portico's PayPal provider. */
const PAYPAL = /^pp_paypal_/

/**
 * `POST /store/payment-collections/:id/payment-sessions`: what reaches the
 * card providers is decided here, not by the client. Stripe and PayPal get
 * no client-supplied `data` (which the Stripe provider would otherwise pass
 * on to the PaymentIntent: capture method, payment method, …); when the cart
 * holds a recurring service and the client is signed in, the card is saved
 * to the client's Stripe customer for the renewals (`setup_future_usage:
 * off_session`).
 */
export async function paymentSessionData(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { provider_id?: unknown; data?: unknown }
  const providerId = typeof body.provider_id === "string" ? body.provider_id : ""
  if (!STRIPE.test(providerId) && !PAYPAL.test(providerId)) {
    return next()
  }
  const data: Record<string, unknown> = {}
  // Medusa gives the session a Stripe customer only for a signed-in client.
  if (STRIPE.test(providerId) && fromSignedInClient(req) && (await holdsRecurringService(req, req.params.id))) {
    data.setup_future_usage = "off_session"
  }
  req.body = { ...body, data }
  next()
}

async function holdsRecurringService(req: MedusaRequest, paymentCollectionId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
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

/** Medusa's messages when the provider did not authorize the payment session. */
const NOT_AUTHORIZED = /was not authorized with the provider|^Payment authorization failed/
const REQUIRES_MORE = /^More information is required for payment/
/**
 * Session states in which the client has not finished paying yet (3-D Secure
 * pending; a PayPal order not approved; a card never confirmed): nothing was
 * refused, something is still to do.
 */
const WAITING_FOR_CLIENT = new Set(["requires_more", "pending"])

/**
 * `POST /store/carts/:id/complete`: when the provider did not take the
 * payment, Medusa answers with the session's id ("Session: payses_… was not
 * authorized with the provider"). Portico answers in words instead, with the
 * provider's own reason where it gives one (Stripe's "Your card was
 * declined."), and a code: `payment_declined`, or `payment_requires_action`
 * while the client has not finished (3-D Secure, PayPal approval). A
 * provider's own refusal that already carries a code (PayPal's decline) is
 * passed on as it is.
 * The cart is untouched either way (Medusa completes nothing).
 */
export function paymentRefusalInWords(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const json = res.json.bind(res)
  res.json = (body?: unknown) => {
    const message = (body as { message?: unknown } | null)?.message
    if (res.statusCode < 400 || typeof message !== "string" || res.headersSent) {
      return json(body)
    }
    const requiresAction = () =>
      json({
        type: MedusaError.Types.NOT_ALLOWED,
        code: PorticoErrorCode.PAYMENT_REQUIRES_ACTION,
        message:
          "Your payment still needs your confirmation (for example your bank's 3-D Secure check, or your approval in PayPal). Finish it, then place the order again.",
      })
    if (REQUIRES_MORE.test(message)) {
      return requiresAction()
    }
    if (!NOT_AUTHORIZED.test(message)) {
      return json(body)
    }
    void lastRefusal(req, req.params.id)
      .catch(() => null)
      .then((refusal) =>
        refusal && WAITING_FOR_CLIENT.has(refusal.status)
          ? requiresAction()
          : json({
              type: MedusaError.Types.NOT_ALLOWED,
              code: PorticoErrorCode.PAYMENT_DECLINED,
              message: `Your payment did not go through${refusal?.reason ? `: ${refusal.reason}` : "."} Nothing was charged; check the details or choose another payment method, then try again.`,
            })
      )
    return res
  }
  next()
}

/**
 * The cart's most recently refused payment session: its status
 * (`requires_more` while 3-D Secure is pending) and the provider's reason
 * (Stripe's `last_payment_error.message`), if it gives one.
 */
async function lastRefusal(req: MedusaRequest, cartId: string): Promise<{ status: string; reason: string | null } | null> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["id", "payment_collection.payment_sessions.*"],
    filters: { id: cartId },
  })
  type Session = { status?: string; data?: { last_payment_error?: { message?: string } | null } | null; updated_at?: string | Date }
  const sessions = ((cart?.payment_collection?.payment_sessions ?? []) as Session[]).filter(Boolean)
  const latest = sessions.sort((a, b) => new Date(b.updated_at ?? 0).getTime() - new Date(a.updated_at ?? 0).getTime())[0]
  if (!latest) {
    return null
  }
  const reason = latest.data?.last_payment_error?.message
  return { status: latest.status ?? "", reason: typeof reason === "string" && reason.trim() ? reason.trim() : null }
}

/**
 * `POST /admin/payments/:id/refund` (Medusa's refund to the card or PayPal
 * account): Medusa bounds it by what that payment captured, which knows
 * nothing of refunds made to account credit. Portico bounds it by what the
 * order can still refund in all (captured + credit used − refunds to the
 * gateway − refunds to credit), under the same per-order lock as refunds to
 * credit, so the two together never pay back more than the client paid.
 * Beyond that: 400 `refund_exceeds_paid`.
 */
export async function gatewayRefundWithinPaid(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({
    entity: "payment",
    fields: ["id", "amount", "payment_collection_id", "captures.amount", "refunds.amount"],
    filters: { id: req.params.id },
  })
  if (!payment) {
    return next()
  }
  const {
    data: [link],
  } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: payment.payment_collection_id },
  })
  const orderId = (link as { order_id?: string } | undefined)?.order_id
  if (!orderId) {
    return next()
  }
  const locking = req.scope.resolve<ILockingModule>(Modules.LOCKING)
  const key = `portico-credit-refund:${orderId}`
  const owner = `gateway-refund:${randomUUID()}`
  await locking.acquire(key, { ownerId: owner, expire: 30 })
  let released = false
  const release = () => {
    if (!released) {
      released = true
      void locking.release(key, { ownerId: owner }).catch(() => undefined)
    }
  }
  res.on("finish", release)
  res.on("close", release)
  try {
    const state = await orderCreditRefundState(req.scope, orderId)
    const sumOf = (rows: ({ amount?: unknown } | null)[] | null | undefined) =>
      (rows ?? []).reduce((s, r) => s + Number(String(r?.amount ?? 0)), 0)
    const asked = (req.body as { amount?: unknown } | undefined)?.amount
    // Without an amount Medusa refunds what the payment has left.
    const amount = asked === undefined || asked === null ? sumOf(payment.captures) - sumOf(payment.refunds) : Number(asked)
    if (state && amount - state.refundable > 1e-9) {
      release()
      res.status(400).json({
        type: MedusaError.Types.INVALID_DATA,
        code: PorticoErrorCode.REFUND_EXCEEDS_PAID,
        message: `This order can refund at most ${state.refundable} ${state.currency_code.toUpperCase()} (part of it was already refunded, possibly to account credit).`,
        errors: [{ field: "amount", code: PorticoErrorCode.REFUND_EXCEEDS_PAID, message: `At most ${state.refundable}` }],
      })
      return
    }
  } catch (e) {
    release()
    throw e
  }
  next()
}
