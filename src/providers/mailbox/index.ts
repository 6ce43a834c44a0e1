import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MailboxNotificationProviderService } from "./service"

export * from "./mailbox"
export type { MailboxProviderOptions } from "./service"
export { MailboxNotificationProviderService }

/**
 * Portico's development email provider for Medusa's notification module:
 * `{ resolve: "medusa-plugin-portico/providers/mailbox", id: "mailbox", options: { channels: ["email"], dir } }`.
 */
export default ModuleProvider(Modules.NOTIFICATION, {
  services: [MailboxNotificationProviderService],
})
