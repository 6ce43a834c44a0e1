"use client"

import type { PaymentIntent, StripeError } from "@stripe/stripe-js"
import { useRef, useState } from "react"
import { completeRenewalPayment, saveSubscriptionCard, startCardSetup, startRenewalPayment } from "@lib/data/subscriptions"
import { formatMoney } from "@lib/util/money"
import { periodRange, type Renewal } from "@lib/util/subscriptions"
import StripeCardForm, { type CardSubmit } from "./stripe-card-form"

/** Who pays, as Stripe records it with the card. */
export type CardHolder = { name?: string; email?: string }

/** PaymentIntent states in which the card payment is done. */
const PAID = new Set<PaymentIntent.Status>(["succeeded", "requires_capture"])

/**
 * Whether an intent Stripe refused can be confirmed again with another card
 * (a decline, a failed 3-D Secure): then a retry reuses it rather than asking
 * the backend for a new one.
 */
function retryable(error: StripeError): boolean {
  return error.type === "card_error" || error.type === "validation_error" || error.code === "payment_intent_authentication_failure"
}

function billingDetails(holder: CardHolder) {
  return { ...(holder.name ? { name: holder.name } : {}), ...(holder.email ? { email: holder.email } : {}) }
}

/**
 * "Update card": a card field; on save, the backend's SetupIntent is
 * confirmed by Stripe.js with the card (`confirmCardSetup`, 3-D Secure in
 * Stripe's dialog) and the saved card becomes the subscription's. Nothing
 * changes until Stripe has accepted the card.
 */
export function UpdateCard({
  subscriptionId,
  publishableKey,
  holder,
  hasCard,
}: {
  subscriptionId: string
  publishableKey: string
  holder: CardHolder
  hasCard: boolean
}) {
  const [open, setOpen] = useState(false)
  const [saved, setSaved] = useState(false)
  // The SetupIntent of this form, confirmed again after a declined card.
  const secret = useRef<string | null>(null)
  const submit: CardSubmit = async (stripe, card) => {
    if (!secret.current) {
      const started = await startCardSetup(subscriptionId)
      if (started.error !== undefined) {
        return { error: started.error }
      }
      secret.current = started.client_secret
    }
    const confirmed = await stripe.confirmCardSetup(secret.current, {
      payment_method: { card, billing_details: billingDetails(holder) },
    })
    const { error } = confirmed
    // Saved meanwhile (a retry after the store could not be reached): keep that card.
    const setupIntent = error?.setup_intent?.status === "succeeded" ? error.setup_intent : confirmed.setupIntent
    if (error && setupIntent?.status !== "succeeded") {
      if (!retryable(error)) {
        secret.current = null
      }
      return { error: error.message || "Your card could not be saved. Nothing was charged; please try again." }
    }
    const method = setupIntent?.payment_method
    const methodId = typeof method === "string" ? method : method?.id
    if (setupIntent?.status !== "succeeded" || !methodId) {
      return { error: "Your card could not be saved. Nothing was charged; please try again." }
    }
    const done = await saveSubscriptionCard(subscriptionId, methodId)
    if (done?.error) {
      return { error: done.error }
    }
    secret.current = null
    setOpen(false)
    setSaved(true)
    return {}
  }
  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            setSaved(false)
            setOpen(true)
          }}
          data-testid="update-card"
        >
          {hasCard ? "Update card" : "Add a card"}
        </button>
        {saved ? (
          <p role="status" className="text-sm font-medium text-emerald-800" data-testid="card-saved">
            Your new card is saved: it pays the next renewals.
          </p>
        ) : null}
      </div>
    )
  }
  return (
    <StripeCardForm
      publishableKey={publishableKey}
      title={hasCard ? "Update your card" : "Add a card"}
      description="The card pays this subscription's renewals from now on. Nothing is charged now unless a renewal is unpaid."
      submitLabel="Save card"
      busyLabel="Saving…"
      onSubmit={submit}
      onCancel={() => {
        secret.current = null
        setOpen(false)
      }}
      testId="card-form"
    />
  )
}

/**
 * "Pay now" for an unpaid renewal (3-D Secure asked, a declined card, no
 * saved card): a card field; on pay, the backend's payment session is
 * confirmed by Stripe.js (`confirmCardPayment`, 3-D Secure in Stripe's
 * dialog), then the backend records the renewal as paid. A payment Stripe
 * already took (a retry after a network error) is not confirmed again.
 */
export function PayRenewal({
  subscriptionId,
  renewal,
  publishableKey,
  holder,
}: {
  subscriptionId: string
  renewal: Renewal
  publishableKey: string
  holder: CardHolder
}) {
  const [open, setOpen] = useState(false)
  const amount = formatMoney(renewal.amount - renewal.credit_amount, renewal.currency_code)
  // The payment session of this form, confirmed again after a declined card or a failed 3-D Secure.
  const session = useRef<string | null>(null)
  const submit: CardSubmit = async (stripe, card) => {
    if (!session.current) {
      const started = await startRenewalPayment(subscriptionId, renewal.id)
      if (started.error !== undefined) {
        return { error: started.error }
      }
      session.current = started.client_secret
    }
    const secret = session.current
    let status: string | undefined
    try {
      status = (await stripe.retrievePaymentIntent(secret)).paymentIntent?.status
    } catch {
      // Confirming below answers in words if Stripe cannot be reached.
    }
    if (!status || !PAID.has(status as PaymentIntent.Status)) {
      const { error, paymentIntent } = await stripe.confirmCardPayment(secret, {
        payment_method: { card, billing_details: billingDetails(holder) },
      })
      if (error && !(error.payment_intent && PAID.has(error.payment_intent.status))) {
        if (!retryable(error)) {
          session.current = null
        }
        return { error: error.message || "Your card payment did not go through. Nothing was charged; please try again." }
      }
      if (!error && !(paymentIntent && PAID.has(paymentIntent.status))) {
        return {
          error:
            paymentIntent?.status === "processing"
              ? "Your card payment is still being processed. Wait a moment, then reload the page."
              : "Your card payment was not completed. Nothing was charged; please try again.",
        }
      }
    }
    const done = await completeRenewalPayment(subscriptionId, renewal.id)
    if (done?.error) {
      // Kept: a retry finds the payment Stripe already took and only completes it.
      return { error: done.error }
    }
    session.current = null
    setOpen(false)
    return {}
  }
  if (!open) {
    return (
      <button type="button" className="btn-primary self-start" onClick={() => setOpen(true)} data-testid="pay-renewal">
        Pay {amount} now
      </button>
    )
  }
  return (
    <StripeCardForm
      publishableKey={publishableKey}
      title="Pay this renewal"
      description={`${amount} for ${periodRange(renewal.period_start, renewal.period_end)}. The card then pays the next renewals too.`}
      submitLabel={`Pay ${amount}`}
      busyLabel="Paying…"
      onSubmit={submit}
      onCancel={() => {
        session.current = null
        setOpen(false)
      }}
      testId="pay-form"
    />
  )
}
