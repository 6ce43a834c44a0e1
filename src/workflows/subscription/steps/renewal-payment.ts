import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { RenewalRow } from "../../../modules/subscription/service"
import { clock } from "../../../utils/clock"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"
import { savedCardLabel, type AccountHolder } from "../account-holder"
import { DEFAULT_CARD_PROVIDER, ownedLiveSubscription } from "./subscription-card"

const PAYABLE = ["requires_action", "retrying", "pending"]

/** An unpaid renewal of the caller's subscription, with what is left to pay after credit. */
async function payableRenewal(
  container: MedusaContainer,
  input: { subscription_id: string; renewal_id: string; customer_id?: string | null }
) {
  const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
  const sub = await ownedLiveSubscription(subscriptions, input.subscription_id, input.customer_id)
  const renewal = await subscriptions.getRenewal(input.renewal_id)
  if (!renewal || renewal.subscription_id !== sub.id) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Renewal ${input.renewal_id} was not found.`)
  }
  if (!PAYABLE.includes(renewal.status)) {
    throw new PorticoError(MedusaError.Types.NOT_ALLOWED, PorticoErrorCode.RENEWAL_NOT_OPEN, `Renewal ${renewal.id} is ${renewal.status}.`)
  }
  return { sub, renewal: renewal as RenewalRow, subscriptions }
}

export const startRenewalPaymentStepId = "portico-start-renewal-payment-step"

/**
 * Starts paying an unpaid renewal in the portal (3-D Secure, a declined or
 * missing card): a payment session for what credit left, on the renewal's
 * payment collection (Medusa's `createPaymentSessionsWorkflow`: the client's
 * Stripe customer, the collection's earlier sessions replaced), asking Stripe
 * to keep the card for the next renewals. The browser confirms it; then
 * `authorizeRenewalPaymentStep`. Another client's subscription is a 404; a
 * renewal already paid or canceled is 400 `renewal_not_open`.
 */
export const startRenewalPaymentStep = createStep(
  startRenewalPaymentStepId,
  async (
    input: { subscription_id: string; renewal_id: string; customer_id?: string | null; provider_id?: string | null },
    { container }
  ) => {
    const { sub, renewal, subscriptions } = await payableRenewal(container, input)
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const rest = MathBN.sub(renewal.amount, renewal.credit_amount ?? 0).toNumber()
    let collectionId = renewal.payment_collection_id
    if (!collectionId) {
      const [collection] = await payments.createPaymentCollections([{ currency_code: renewal.currency_code, amount: rest }])
      collectionId = collection.id
      await subscriptions.recordRenewal(renewal.id, { payment_collection_id: collectionId })
    }
    const provider = input.provider_id ?? DEFAULT_CARD_PROVIDER
    const { result: session } = await createPaymentSessionsWorkflow(container).run({
      input: {
        payment_collection_id: collectionId,
        provider_id: provider,
        customer_id: sub.customer_id as string,
        data: /^pp_stripe/.test(provider) ? { setup_future_usage: "off_session" } : {},
      },
    })
    await subscriptions.recordRenewal(renewal.id, { payment_session_id: session.id })
    return new StepResponse({ renewal_id: renewal.id, session })
  }
)

export const authorizeRenewalPaymentStepId = "portico-authorize-renewal-payment-step"

/**
 * The client confirmed a renewal's payment in the browser: its session is
 * authorized (captured at once with Portico's Stripe setup). Refused
 * payments answer 400 `payment_declined` or `payment_requires_action` from
 * the session's status, and change nothing. The card the client paid with
 * becomes the subscription's for the next renewals; the renewal is then
 * settled by `renewSubscriptionWorkflow` (it finds the payment).
 */
export const authorizeRenewalPaymentStep = createStep(
  authorizeRenewalPaymentStepId,
  async (
    input: { subscription_id: string; renewal_id: string; customer_id?: string | null; actor_type?: "customer" | "system" },
    { container }
  ) => {
    const { sub, renewal, subscriptions } = await payableRenewal(container, input)
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const actor = { actor_type: input.actor_type ?? "customer", actor_id: input.customer_id ?? null } as const
    if (!renewal.payment_collection_id) {
      throw new PorticoError(MedusaError.Types.NOT_ALLOWED, PorticoErrorCode.PAYMENT_DECLINED, "Start the payment first.")
    }
    const sessions = await payments.listPaymentSessions({ payment_collection_id: renewal.payment_collection_id })
    const paid = sessions.find((s) => s.status === "authorized" || s.status === "captured")
    let session = paid ?? sessions.find((s) => s.id === renewal.payment_session_id) ?? sessions[sessions.length - 1]
    if (!session) {
      throw new PorticoError(MedusaError.Types.NOT_ALLOWED, PorticoErrorCode.PAYMENT_DECLINED, "Start the payment first.")
    }
    if (!paid) {
      try {
        await payments.authorizePaymentSession(session.id, {})
      } catch {
        const [after] = await payments.listPaymentSessions({ id: session.id })
        const waiting = after?.status === "requires_more" || after?.status === "pending"
        const error = (after?.data as { last_payment_error?: { message?: string } } | null)?.last_payment_error
        throw new PorticoError(
          MedusaError.Types.NOT_ALLOWED,
          waiting ? PorticoErrorCode.PAYMENT_REQUIRES_ACTION : PorticoErrorCode.PAYMENT_DECLINED,
          waiting ? "The payment is not finished: confirm it (3-D Secure) and try again." : (error?.message ?? "The payment was declined.")
        )
      }
      ;[session] = await payments.listPaymentSessions({ id: session.id })
    }
    // The card the client just paid with pays the next renewals.
    type Card = { id?: string; card?: { brand?: string; last4?: string } }
    const data = (session.data ?? {}) as { payment_method?: string | Card; setup_future_usage?: string }
    const method = typeof data.payment_method === "string" ? data.payment_method : data.payment_method?.id
    const card = typeof data.payment_method === "object" ? data.payment_method?.card : undefined
    if (method && data.setup_future_usage && /^pp_stripe/.test(session.provider_id)) {
      const holderId = (session.context as { account_holder?: AccountHolder } | null)?.account_holder?.id ?? sub.payment_account_holder_id
      await subscriptions.setPaymentMethod(sub.id, {
        ...actor,
        payment_provider_id: session.provider_id,
        payment_method_id: method,
        payment_account_holder_id: holderId,
        payment_method_label: await savedCardLabel(container, {
          provider_id: session.provider_id,
          holder: (session.context as { account_holder?: AccountHolder } | null)?.account_holder ?? holderId,
          payment_method_id: method,
          card,
        }),
      })
    }
    await subscriptions.retryRenewalNow(sub.id, { ...actor, now: clock.now() })
    return new StepResponse({ renewal_id: renewal.id })
  }
)
