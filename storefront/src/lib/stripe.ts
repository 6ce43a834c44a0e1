// The "pure" entry: importing "@stripe/stripe-js" itself adds Stripe.js to every page that
// bundles this file, whether or not card payments are configured or chosen.
import type { Stripe } from "@stripe/stripe-js"
import { loadStripe } from "@stripe/stripe-js/pure"

const stripes = new Map<string, Promise<Stripe | null>>()

/**
 * One Stripe.js per publishable key, loaded in the browser the first time a
 * card form shows (checkout, the portal's subscriptions), only when
 * NEXT_PUBLIC_STRIPE_KEY is set.
 */
export function stripeFor(key: string): Promise<Stripe | null> {
  let stripe = stripes.get(key)
  if (!stripe) {
    stripe = loadStripe(key)
    stripes.set(key, stripe)
  }
  return stripe
}
