import type { ProviderWebhookPayload, WebhookActionResult } from "@medusajs/framework/types"
import { StripeProviderService } from "@medusajs/payment-stripe/dist/services"
import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"
import Stripe from "stripe"

/**
 * Options of Portico's Stripe provider: those of Medusa's official
 * `@medusajs/payment-stripe` (`apiKey`, `webhookSecret`, `capture`,
 * `automaticPaymentMethods`, `paymentDescription`, …) plus `apiBaseUrl`.
 */
export type PorticoStripeOptions = StripeOptions & {
  /**
   * Where the Stripe API is, e.g. `http://127.0.0.1:12111` for a
   * Stripe-compatible mock (stripe-mock, Portico's tests). Unset in production:
   * the SDK talks to `https://api.stripe.com`.
   */
  apiBaseUrl?: string
}

/**
 * Card payments through Medusa's official Stripe provider, unchanged except
 * for two things: the Stripe client can be pointed at another API origin
 * (`apiBaseUrl`, for tests against a fake Stripe), and the webhook result also
 * carries the PaymentIntent's currency, so Portico's webhook guard can refuse
 * an event whose amount or currency differs from the payment session's.
 * Identifier `stripe`: registered with id `stripe`, the provider id is
 * `pp_stripe_stripe`, as with the official provider.
 */
export class PorticoStripeProviderService extends StripeProviderService {
  constructor(cradle: Record<string, unknown>, options: PorticoStripeOptions) {
    super(cradle, options)
    if (options.apiBaseUrl) {
      const url = new URL(options.apiBaseUrl)
      const protocol = url.protocol === "http:" ? "http" : "https"
      this.stripe_ = new Stripe(options.apiKey, {
        host: url.hostname,
        port: url.port || (protocol === "http" ? "80" : "443"),
        protocol,
      })
    }
  }

  /** Medusa's mapping of Stripe events, plus the intent's currency (`currency_code`). */
  override async getWebhookActionAndData(webhookData: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const result = await super.getWebhookActionAndData(webhookData)
    if (!result.data) {
      return result
    }
    const body = webhookData.data as { data?: { object?: { currency?: string } } } | undefined
    const currency = body?.data?.object?.currency
    return { ...result, data: { ...result.data, ...(currency ? { currency_code: currency.toLowerCase() } : {}) } }
  }
}
