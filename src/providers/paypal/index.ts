import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { PayPalProviderService } from "./service"

export type { PayPalOptions, PayPalRefund, PayPalSessionData } from "./service"
export { PayPalProviderService, toPayPalAmount } from "./service"

/**
 * Portico's PayPal payment provider for Medusa's payment module:
 * `{ resolve: "medusa-plugin-portico/providers/paypal", id: "paypal", options: { client_id, client_secret, environment, webhook_id, brand_name } }`
 * (provider id `pp_paypal_paypal`).
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [PayPalProviderService],
})
