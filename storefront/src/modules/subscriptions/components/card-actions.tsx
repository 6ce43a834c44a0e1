"use client"

import type { PaymentIntent } from "@stripe/stripe-js"
import { useState } from "react"
import { completeRenewalPayment, saveSubscriptionCard, startCardSetup, startRenewalPayment } from "@lib/data/subscriptions"
import { formatMoney } from "@lib/util/money"
import { periodRange, type Renewal } from "@lib/util/subscriptions"
import StripeCardForm, { type CardSubmit } from "./stripe-card-form"

/** Who pays, as Stripe records it with the card. */
export type CardHolder = { name?: string; email?: string }

/** PaymentIntent states in which the card payment is done. */
const PAID = new Set<PaymentIntent.Status>(["succeeded", "requires_capture"])

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
  const submit: CardSubmit = async (stripe, card) => {
    const started = await startCardSetup(subscriptionId)
    if (started.error !== undefined) {
      return { error: started.error }
    }
    const { error, setupIntent } = await stripe.confirmCardSetup(started.client_secret, {
      payment_method: { card, billing_details: billingDetails(holder) },
    })
    if (error) {
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
      onCancel={() => setOpen(false)}
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
  const submit: CardSubmit = async (stripe, card) => {
    const started = await startRenewalPayment(subscriptionId, renewal.id)
    if (started.error !== undefined) {
      return { error: started.error }
    }
    const secret = started.client_secret
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
      return { error: done.error }
    }
    setOpen(false)
    return {}
  }
  if (!open) {
    return (
      <button type="button" className="btn-primary shrink-0" onClick={() => setOpen(true)} data-testid="pay-renewal">
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
      onCancel={() => setOpen(false)}
      testId="pay-form"
    />
  )
}
