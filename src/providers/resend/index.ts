import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { ResendNotificationProviderService } from "./service"

export type { ResendProviderOptions } from "./service"
export { ResendNotificationProviderService }

/**
 * Portico's Resend email provider for Medusa's notification module:
 * `{ resolve: "medusa-plugin-portico/providers/resend", id: "resend", options: { channels: ["email"], api_key, from } }`.
 */
export default ModuleProvider(Modules.NOTIFICATION, {
  services: [ResendNotificationProviderService],
})
