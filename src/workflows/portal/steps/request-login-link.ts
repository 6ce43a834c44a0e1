import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MagicLinkAuthProviderService } from "../../../providers/magic-link/service"

export const requestLoginLinkStepId = "portico-request-login-link"

/**
 * Sends a customer-portal login link to `email` through the magic-link auth
 * provider (the same path as `POST /auth/customer/magic-link`: a new token,
 * older ones invalidated, the `login_link` email sent by a subscriber).
 * Nothing to undo: an unused link expires by itself.
 */
export const requestLoginLinkStep = createStep(
  requestLoginLinkStepId,
  async (input: { email: string; next?: string }, { container }) => {
    const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
    const result = await auth.authenticate(MagicLinkAuthProviderService.identifier, {
      actor_type: "customer",
      body: { email: input.email, next: input.next },
    } as Parameters<IAuthModuleService["authenticate"]>[1])
    if (!result.location) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The login link could not be sent: ${result.error ?? "the magic-link provider is not registered"}`)
    }
    return new StepResponse({ sent: true })
  }
)
