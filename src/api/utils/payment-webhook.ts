import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules, PaymentActions } from "@medusajs/framework/utils"
import { PorticoErrorCode } from "../../utils/errors"

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
