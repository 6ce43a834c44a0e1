import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { RenewalRow } from "../../../modules/subscription/service"
import { clock } from "../../../utils/clock"

export const chargeRenewalStepId = "portico-charge-renewal-step"

const STRIPE = /^pp_stripe(-[a-z0-9]+)?_/
const DAY_MS = 86_400_000

/**
 * Stripe decline codes after which trying the same card again cannot work
 * (or must not be done): no retry, the client has to give a new card.
 */
export const HARD_DECLINE_CODES = new Set([
  "do_not_try_again",
  "fraudulent",
  "lost_card",
  "stolen_card",
  "pickup_card",
  "restricted_card",
  "invalid_account",
  "card_not_supported",
  "expired_card",
  "revocation_of_authorization",
  "revocation_of_all_authorizations",
  "security_violation",
])

/** What the charge came to. */
export type RenewalCharge = {
  /** `paid`: nothing left to pay (credit covered it, or the card was charged). */
  outcome: "paid" | "failed" | "retrying" | "requires_action" | "closed"
  payment_collection_id: string | null
  code?: string
  next_attempt_at?: Date | null
  /** The attempt made by this run (1 for the first charge). */
  attempt?: number
  /** Dunning gave up and canceled the subscription in this run. */
  canceled?: boolean
}

/** The idempotency key of a renewal's charge attempt: the same attempt never charges twice. */
export const renewalChargeKey = (renewalId: string, attempt: number) => `portico-renewal-${renewalId}-${attempt}`

type Attempt = { at: string; status: string }
type StripeError = { code?: string; decline_code?: string; message?: string }

/** When to try again after a failed attempt (from the first failure), or null when dunning is over. */
export function nextAttempt(retryDays: number[], attempts: Attempt[], now: Date): Date | null {
  const failures = attempts.filter((a) => a.status === "failed")
  const first = failures[0] ? new Date(failures[0].at) : now
  const days = retryDays[failures.length - 1]
  return days === undefined ? null : new Date(first.getTime() + days * DAY_MS)
}

async function accountHolder(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "account_holder",
    fields: ["id", "provider_id", "external_id", "data", "email"],
    filters: { id },
  })
  return (data[0] ?? null) as { id: string; provider_id: string; external_id: string; data: Record<string, unknown> } | null
}

/**
 * Charges what credit left of a renewal to the subscription's saved card,
 * off-session, through Medusa's payment module (a payment collection for the
 * renewal, one payment session per attempt, authorized at once):
 * `off_session`, `confirm` and the saved `payment_method` on the Stripe
 * customer, with the idempotency key `portico-renewal-<renewal>-<attempt>`,
 * so a rerun of the same attempt gets Stripe's first answer instead of a
 * second charge. A session of this attempt that exists is authorized again
 * rather than created anew.
 *
 * Outcomes: `paid`; a soft decline → `retrying` on the dunning schedule
 * (`past_due`); a hard decline or the schedule used up → `failed` (the
 * subscription canceled, or left `past_due` by option); 3-D Secure, no saved
 * card or a provider the client pays by hand (bank transfer) →
 * `requires_action` (the client pays the open invoice from the portal).
 */
export const chargeRenewalStep = createStep(chargeRenewalStepId, async (input: { renewal_id: string }, { container }) => {
  const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const renewal = (await subscriptions.getRenewal(input.renewal_id)) as (RenewalRow & { attempts: Attempt[] | null }) | null
  if (!renewal || !["pending", "retrying"].includes(renewal.status)) {
    return new StepResponse<RenewalCharge>({ outcome: "closed", payment_collection_id: renewal?.payment_collection_id ?? null })
  }
  const rest = MathBN.sub(renewal.amount, renewal.credit_amount ?? 0).toNumber()
  if (rest <= 0) {
    return new StepResponse<RenewalCharge>({ outcome: "paid", payment_collection_id: null })
  }
  const now = clock.now()
  if (renewal.status === "retrying" && renewal.next_attempt_at && new Date(renewal.next_attempt_at) > now) {
    return new StepResponse<RenewalCharge>({
      outcome: "retrying",
      payment_collection_id: renewal.payment_collection_id,
      next_attempt_at: renewal.next_attempt_at,
    })
  }
  const sub = await subscriptions.retrieveSubscription(renewal.subscription_id)
  const card = sub.payment_provider_id && STRIPE.test(sub.payment_provider_id) && sub.payment_method_id && sub.payment_account_holder_id
  let collectionId = renewal.payment_collection_id
  if (!collectionId) {
    const [collection] = await payments.createPaymentCollections([{ currency_code: renewal.currency_code, amount: rest }])
    collectionId = collection.id
    await subscriptions.recordRenewal(renewal.id, { payment_collection_id: collectionId })
  }
  // Paid already (a rerun after the charge went through, or a webhook authorized it).
  const sessions = await payments.listPaymentSessions({ payment_collection_id: collectionId })
  if (sessions.some((s) => s.status === "authorized" || s.status === "captured")) {
    return new StepResponse<RenewalCharge>({ outcome: "paid", payment_collection_id: collectionId })
  }
  if (!card) {
    const code = sub.payment_provider_id && !STRIPE.test(sub.payment_provider_id) ? "manual_payment" : "no_payment_method"
    await subscriptions.markRenewalUnpaid(renewal.id, { status: "requires_action", code, now })
    return new StepResponse<RenewalCharge>({ outcome: "requires_action", payment_collection_id: collectionId, code })
  }
  const holder = await accountHolder(container, sub.payment_account_holder_id as string)
  const attempt = renewal.attempt_count + 1
  const key = renewalChargeKey(renewal.id, attempt)
  let session = sessions.find((s) => (s.metadata as Record<string, unknown> | null)?.portico_charge_key === key)
  if (!session || !(session.data as Record<string, unknown> | null)?.id) {
    session = await payments.createPaymentSession(collectionId, {
      provider_id: sub.payment_provider_id as string,
      currency_code: renewal.currency_code,
      amount: rest,
      data: { off_session: true, confirm: true, payment_method: sub.payment_method_id },
      context: {
        idempotency_key: key,
        ...(holder ? { account_holder: holder } : {}),
      } as Record<string, unknown>,
      metadata: { portico_renewal_id: renewal.id, portico_charge_key: key, portico_attempt: attempt },
    })
    await subscriptions.recordRenewal(renewal.id, { payment_session_id: session.id })
  }
  let status: string = session.status
  let error = null as StripeError | null
  try {
    await payments.authorizePaymentSession(session.id, {})
    status = "authorized"
  } catch {
    const [after] = await payments.listPaymentSessions({ id: session.id })
    status = after?.status ?? "error"
    const data = (after?.data ?? {}) as { last_payment_error?: StripeError | null }
    error = data.last_payment_error ?? null
  }
  const base = { at: now.toISOString(), attempt, idempotency_key: key, payment_session_id: session.id, amount: rest }
  if (status === "authorized" || status === "captured") {
    await subscriptions.recordRenewal(renewal.id, { attempt_count: attempt, attempt: { ...base, status: "succeeded" } })
    return new StepResponse<RenewalCharge>({ outcome: "paid", payment_collection_id: collectionId })
  }
  // Off-session, 3-D Secure comes back as a decline asking for authentication: the client pays it in the portal.
  if (status === "requires_more" || error?.code === "authentication_required" || error?.decline_code === "authentication_required") {
    await subscriptions.recordRenewal(renewal.id, {
      attempt_count: attempt,
      attempt: { ...base, status: "requires_action", code: "payment_requires_action" },
    })
    await subscriptions.markRenewalUnpaid(renewal.id, { status: "requires_action", code: "payment_requires_action", now })
    return new StepResponse<RenewalCharge>({
      outcome: "requires_action",
      payment_collection_id: collectionId,
      code: "payment_requires_action",
      attempt,
    })
  }
  const code = error?.decline_code ?? error?.code ?? "payment_declined"
  const attempts = [...(renewal.attempts ?? []), { ...base, status: "failed" }]
  await subscriptions.recordRenewal(renewal.id, {
    attempt_count: attempt,
    attempt: { ...base, status: "failed", code, message: error?.message ?? null },
  })
  const settings = subscriptions.getSettings()
  const next = HARD_DECLINE_CODES.has(code) ? null : nextAttempt(settings.dunning_retry_days, attempts, now)
  const unpaid = await subscriptions.markRenewalUnpaid(renewal.id, {
    status: next ? "retrying" : "failed",
    next_attempt_at: next,
    code,
    message: error?.message ?? null,
    cancel: !next && settings.dunning_final_action === "cancel",
    now,
  })
  return new StepResponse<RenewalCharge>({
    outcome: next ? "retrying" : "failed",
    payment_collection_id: collectionId,
    code,
    next_attempt_at: next,
    attempt,
    canceled: unpaid?.to === "canceled" && unpaid.from !== "canceled",
  })
})
