import "server-only"

/** The public keys for card (Stripe) and PayPal payments; unset ones are absent. */
export type PaymentKeys = { stripeKey?: string; paypalClientId?: string }

/**
 * The public keys for card (Stripe) and PayPal payments, read per request
 * (not inlined at build time, so one build serves any keys) and passed to the
 * forms that take a card or PayPal (checkout, the portal's subscriptions).
 * Unset: those methods are shown as not configured, or not offered.
 */
export function paymentKeys(): PaymentKeys {
  const env = process.env
  const read = (name: string) => env[name]?.trim() || undefined
  return { stripeKey: read("NEXT_PUBLIC_STRIPE_KEY"), paypalClientId: read("NEXT_PUBLIC_PAYPAL_CLIENT_ID") }
}
