"use client"

import { CardElement, Elements, useElements, useStripe } from "@stripe/react-stripe-js"
import { useEffect, useState } from "react"
import { stripeFor } from "@lib/stripe"

/** Medusa's Stripe provider. */
export const STRIPE_PROVIDER = "pp_stripe_stripe"

/** PaymentIntent states in which the card payment is done: the order can be placed. */
const PAID = new Set(["succeeded", "requires_capture"])

/** Who pays, as Stripe records it with the card. */
export type CardBillingDetails = {
  name: string
  email: string
  address: { line1: string; city: string; state: string; postal_code: string; country: string }
}

/**
 * Confirms the card payment of a prepared Stripe session (its `data` is the
 * PaymentIntent). `{}` when the card is charged (or authorized), `{ error }`
 * in words otherwise; nothing else changes, so the client can try again.
 */
export type ConfirmCardPayment = (
  data: Record<string, unknown>,
  billing: CardBillingDetails
) => Promise<{ error?: string }>

/**
 * The card form under the "Card (Stripe)" method: a Stripe `CardElement`.
 * It hands the checkout a `ConfirmCardPayment` (through `onReady`) that the
 * checkout calls after `preparePayment`; 3-D Secure (`requires_action`) is
 * handled by Stripe's own dialog.
 */
export default function StripePayment({
  publishableKey,
  onReady,
}: {
  publishableKey: string
  /** Receives the confirm function once Stripe has loaded, `null` when the form goes away. */
  onReady: (confirm: ConfirmCardPayment | null) => void
}) {
  // Stripe.js loads in the browser only.
  const [stripe] = useState(() => (typeof window === "undefined" ? null : stripeFor(publishableKey)))
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    stripe?.then(
      (s) => live && setFailed(!s),
      () => live && setFailed(true)
    )
    return () => {
      live = false
    }
  }, [stripe])
  if (failed) {
    return (
      <p role="alert" className="text-sm text-red-700">
        The card form could not be loaded. Check your connection and reload the page, or choose another payment method.
      </p>
    )
  }
  return (
    <Elements stripe={stripe}>
      <CardForm onReady={onReady} />
    </Elements>
  )
}

function CardForm({ onReady }: { onReady: (confirm: ConfirmCardPayment | null) => void }) {
  const stripe = useStripe()
  const elements = useElements()
  const [cardError, setCardError] = useState<string>()

  useEffect(() => {
    if (!stripe || !elements) {
      return
    }
    const confirm: ConfirmCardPayment = async (data, billing) => {
      const secret = data.client_secret
      if (typeof secret !== "string" || !secret) {
        return { error: "The card payment could not be started. Please try again." }
      }
      // The session may be one the client already paid (a retry after a
      // network error): ask Stripe for the intent's current state first.
      let status = typeof data.status === "string" ? data.status : ""
      if (!PAID.has(status)) {
        try {
          const { paymentIntent } = await stripe.retrievePaymentIntent(secret)
          status = paymentIntent?.status ?? status
        } catch {
          // Confirming below answers in words if Stripe cannot be reached.
        }
      }
      if (PAID.has(status)) {
        return {}
      }
      const card = elements.getElement(CardElement)
      if (!card) {
        return { error: "Enter your card details." }
      }
      const { error, paymentIntent } = await stripe.confirmCardPayment(secret, {
        payment_method: { card, billing_details: billing },
      })
      if (error) {
        // Confirmed meanwhile (e.g. in another tab): nothing more to do.
        if (error.payment_intent && PAID.has(error.payment_intent.status)) {
          return {}
        }
        return { error: error.message || "Your card payment did not go through. Nothing was charged; please try again." }
      }
      if (paymentIntent && PAID.has(paymentIntent.status)) {
        return {}
      }
      if (paymentIntent?.status === "processing") {
        return { error: "Your card payment is still being processed. Wait a moment, then place the order again." }
      }
      return { error: "Your card payment was not completed. Nothing was charged; please try again." }
    }
    onReady(confirm)
    return () => onReady(null)
  }, [stripe, elements, onReady])

  return (
    <div className="flex flex-col gap-2">
      <div className="input py-3" data-testid="card-element">
        <CardElement
          options={{ hidePostalCode: true, style: { base: { fontSize: "16px" } } }}
          onChange={(e) => {
            setCardError(e.error?.message)
          }}
        />
      </div>
      {cardError ? (
        <p role="alert" className="text-sm text-red-700">
          {cardError}
        </p>
      ) : null}
    </div>
  )
}
