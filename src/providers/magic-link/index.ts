import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MagicLinkAuthProviderService } from "./service"

export * from "./service"
export { normalizeEmail, safeNextPath } from "./token"

/**
 * Portico's passwordless login for Medusa's auth module:
 * `{ resolve: "medusa-plugin-portico/providers/magic-link", id: "magic-link", options: { login_url } }`,
 * enabled for customers in `projectConfig.http.authMethodsPerActor`.
 */
export default ModuleProvider(Modules.AUTH, {
  services: [MagicLinkAuthProviderService],
})
