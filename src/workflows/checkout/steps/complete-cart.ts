import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PorticoError, PorticoErrorCode, type PorticoErrorCodeType } from "../../../utils/errors"
import { cancelCartCreditRefresh } from "../../credit/refresh-cart-credit-soon"
import { cancelCartInvoiceMirror } from "../../invoice/mirror-cart-invoice-soon"

export const completeCartStepId = "portico-complete-cart"

/** Session states in which the client has not finished paying (3-D Secure, PayPal approval): nothing was refused. */
const WAITING_FOR_CLIENT = new Set(["requires_more", "pending"])
/** Session states of a refused payment. */
const REFUSED = new Set(["error", "canceled"])
/** The loyalty plugin's refusal when a credit debit exceeds the balance (its only marker). */
const PLUGIN_INSUFFICIENT_BALANCE = "Insufficient balance"
const PORTICO_CODES = new Set<string>(Object.values(PorticoErrorCode))

type FailedCompletion = { type?: string; message?: string; code?: string; name?: string }

/**
 * The cart's most recently changed payment session: its status and the
 * provider's reason (Stripe's `last_payment_error.message`), if it gives one.
 */
async function latestSession(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["id", "payment_collection.payment_sessions.*"],
    filters: { id: cartId },
  })
  type Session = { status?: string; data?: { last_payment_error?: { message?: string } | null } | null; updated_at?: string | Date }
  const sessions = ((cart?.payment_collection?.payment_sessions ?? []) as (Session | null)[]).filter((s): s is Session => !!s)
  const [latest] = sessions.sort((a, b) => new Date(b.updated_at ?? 0).getTime() - new Date(a.updated_at ?? 0).getTime())
  if (!latest) {
    return null
  }
  const reason = latest.data?.last_payment_error?.message
  return { status: latest.status ?? "", reason: typeof reason === "string" && reason.trim() ? reason.trim() : null }
}

/**
 * Explains a failed completion with a stable code, from the payment
 * session's status (never from the message): a session waiting for the client
 * → `payment_requires_action`; a refused one → `payment_declined`, with the
 * provider's reason. A provider's own coded refusal (PayPal's decline) and the
 * loyalty plugin's "Insufficient balance" (→ `insufficient_credit`) keep or get
 * their code. Anything else is returned as it was. The error keeps Medusa's
 * `type`, so the HTTP status stays what Medusa would answer.
 */
export async function explainFailedCompletion(container: MedusaContainer, cartId: string, error: FailedCompletion) {
  const type = error.type ?? MedusaError.Types.UNEXPECTED_STATE
  const coded = (code: PorticoErrorCodeType, message: string) => new PorticoError(type, code, message)
  if (typeof error.code === "string" && PORTICO_CODES.has(error.code)) {
    return coded(error.code as PorticoErrorCodeType, error.message ?? "")
  }
  if (error.message === PLUGIN_INSUFFICIENT_BALANCE) {
    return new PorticoError(
      MedusaError.Types.NOT_ALLOWED,
      PorticoErrorCode.INSUFFICIENT_CREDIT,
      "Your account credit was used by another order in the meantime; review the amount due and try again"
    )
  }
  const session = await latestSession(container, cartId).catch(() => null)
  if (session && WAITING_FOR_CLIENT.has(session.status)) {
    return coded(
      PorticoErrorCode.PAYMENT_REQUIRES_ACTION,
      "Your payment still needs your confirmation (for example your bank's 3-D Secure check, or your approval in PayPal). Finish it, then place the order again."
    )
  }
  if (session && REFUSED.has(session.status)) {
    return coded(
      PorticoErrorCode.PAYMENT_DECLINED,
      `Your payment did not go through${session.reason ? `: ${session.reason}` : "."} Nothing was charged; check the details or choose another payment method, then try again.`
    )
  }
  return null
}

/**
 * Completes a cart with Medusa's `completeCartWorkflow` (its own transaction,
 * its cart lock, payment authorized last, everything undone on failure) and
 * returns the order's id; a completed cart returns its order again. A refused
 * completion is rethrown with a Portico code where one applies (see
 * {@link explainFailedCompletion}), otherwise as Medusa raised it. A
 * completion still running elsewhere → 409 (`conflict`). Background work
 * still waiting for this cart in this process (the invoice mirror, the credit
 * refresh) is dropped first: the checkout does both exactly, and they would
 * only compete with it for the cart's and the invoice's locks.
 */
export const completeCartStep = createStep(completeCartStepId, async (input: { cart_id: string }, { container }) => {
  cancelCartInvoiceMirror(input.cart_id)
  cancelCartCreditRefresh(input.cart_id)
  const { errors, result, transaction } = await completeCartWorkflow(container).run({
    input: { id: input.cart_id },
    throwOnError: false,
  })
  if (!transaction.hasFinished()) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "Cart is already being completed by another request")
  }
  const failure = errors?.[0]?.error as FailedCompletion | undefined
  if (failure) {
    throw (await explainFailedCompletion(container, input.cart_id, failure)) ?? failure
  }
  return new StepResponse({ order_id: result.id })
})
