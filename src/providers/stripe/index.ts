import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { PorticoStripeProviderService } from "./service"

export type { PorticoStripeOptions } from "./service"
export { PorticoStripeProviderService } from "./service"

/**
 * Card payments with Stripe for Medusa's payment module, on the official
 * `@medusajs/payment-stripe` provider:
 * `{ resolve: "medusa-plugin-portico/providers/stripe", id: "stripe", options: { apiKey, webhookSecret, capture: true } }`
 * (provider id `pp_stripe_stripe`).
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [PorticoStripeProviderService],
})
