"use client"

import { CardElement, Elements, useElements, useStripe } from "@stripe/react-stripe-js"
import type { Stripe, StripeCardElement } from "@stripe/stripe-js"
import { useEffect, useState } from "react"
import { stripeFor } from "@lib/stripe"
import FormError from "@modules/common/components/form-error"

/** What the form does with the card once submitted: `{}` when done, `{ error }` in words otherwise. */
export type CardSubmit = (stripe: Stripe, card: StripeCardElement) => Promise<{ error?: string }>

type Props = {
  publishableKey: string
  /** The form's accessible name and heading ("Update your card"). */
  title: string
  /** A sentence under the title. */
  description?: React.ReactNode
  submitLabel: string
  busyLabel: string
  onSubmit: CardSubmit
  onCancel: () => void
  testId: string
}

/**
 * A Stripe card field (`CardElement`, Stripe.js loaded for this form) with a
 * submit and a cancel button, for the portal's card payments and card
 * changes; the caller's `onSubmit` talks to the backend and Stripe.js (3-D
 * Secure opens Stripe's own dialog). Nothing is sent until the client submits.
 */
export default function StripeCardForm(props: Props) {
  // Stripe.js loads in the browser only.
  const [stripe] = useState(() => (typeof window === "undefined" ? null : stripeFor(props.publishableKey)))
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
  return (
    <section className="rounded-xl border border-line bg-gray-50 p-4" aria-label={props.title} data-testid={props.testId}>
      <h3 className="font-semibold">{props.title}</h3>
      {props.description ? <p className="mt-1 text-sm text-ink-soft">{props.description}</p> : null}
      {failed ? (
        <div className="mt-3 flex flex-col gap-3">
          <FormError message="The card form could not be loaded. Check your connection and reload the page." />
          <div>
            <button type="button" className="btn-secondary" onClick={props.onCancel}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <Elements stripe={stripe}>
          <CardFields {...props} />
        </Elements>
      )}
    </section>
  )
}

function CardFields({ submitLabel, busyLabel, onSubmit, onCancel }: Props) {
  const stripe = useStripe()
  const elements = useElements()
  const [cardError, setCardError] = useState<string>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const card = elements?.getElement(CardElement)
    if (!stripe || !card) {
      setError("The card form is still loading. Wait a moment, then try again.")
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      const done = await onSubmit(stripe, card)
      setError(done.error)
    } catch {
      setError("The store could not be reached. Check your connection and try again.")
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-3" noValidate>
      <div className="input py-3" data-testid="card-element">
        <CardElement
          options={{ hidePostalCode: true, style: { base: { fontSize: "16px" } } }}
          onChange={(e) => setCardError(e.error?.message)}
        />
      </div>
      {cardError ? (
        <p role="alert" className="text-sm text-red-700">
          {cardError}
        </p>
      ) : null}
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={busy || !stripe} data-testid="card-submit">
          {busy ? busyLabel : submitLabel}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  )
}
