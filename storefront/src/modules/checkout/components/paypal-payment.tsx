"use client"

import { PayPalButtons, PayPalScriptProvider, usePayPalScriptReducer } from "@paypal/react-paypal-js"
import { unstable_rethrow } from "next/navigation"
import { useState, useTransition } from "react"
import { completeOrder } from "@lib/data/cart"
import FormError from "@modules/common/components/form-error"

/** Portico's PayPal provider. */
export const PAYPAL_PROVIDER = "pp_paypal_paypal"

/**
 * PayPal's buttons for a prepared PayPal session (its `data.id` is the PayPal
 * order, created by the backend for the amount due after credit). Approving
 * it in PayPal places the order (`completeOrder`); cancelling or an error is
 * told in words and leaves the cart as it is.
 */
export default function PayPalPayment({
  clientId,
  currencyCode,
  data,
}: {
  clientId: string
  currencyCode: string
  /** The payment session's data: the PayPal order. */
  data: Record<string, unknown>
}) {
  const orderId = typeof data.id === "string" ? data.id : ""
  // The buttons must be loaded for the order's currency and intent.
  const intent = typeof data.intent === "string" ? data.intent.toLowerCase() : "capture"
  if (!orderId) {
    return <FormError message="The PayPal payment could not be started. Please try again." />
  }
  return (
    <PayPalScriptProvider options={{ clientId, currency: currencyCode.toUpperCase(), intent, components: "buttons" }}>
      <Buttons orderId={orderId} />
    </PayPalScriptProvider>
  )
}

function Buttons({ orderId }: { orderId: string }) {
  const [{ isPending, isRejected }] = usePayPalScriptReducer()
  const [error, setError] = useState<string>()
  const [placing, startPlacing] = useTransition()
  if (isRejected) {
    return <FormError message="PayPal could not be loaded. Check your connection and reload the page, or choose another payment method." />
  }
  return (
    <div className="flex flex-col gap-2" data-testid="paypal-buttons">
      {isPending ? <p className="text-sm text-ink-soft">Loading PayPal…</p> : null}
      {placing ? <p className="text-sm text-ink-soft">Placing your order…</p> : null}
      <PayPalButtons
        style={{ layout: "vertical" }}
        forceReRender={[orderId]}
        disabled={placing}
        createOrder={async () => orderId}
        onApprove={async () => {
          setError(undefined)
          startPlacing(async () => {
            try {
              // Sends the client to the confirmation page; only a refusal comes back.
              const result = await completeOrder()
              if (result?.error) {
                setError(result.error)
              }
            } catch (e) {
              // The way to the confirmation page comes as an error: let Next.js follow it.
              unstable_rethrow(e)
              setError("Your PayPal payment was approved, but the order could not be placed. Reload the page and try again.")
            }
          })
        }}
        onCancel={() => {
          setError("You cancelled the PayPal payment. Nothing was charged; your cart is as it was. Pay again when you are ready.")
        }}
        onError={() => {
          setError("PayPal could not take the payment. Nothing was charged; try again or choose another payment method.")
        }}
      />
      <FormError message={error} />
    </div>
  )
}
