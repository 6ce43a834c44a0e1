import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MagicLinkAuthProviderService } from "../../../providers/magic-link/service"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

export const resolvePortalLoginStepId = "portico-resolve-portal-login"

/** Who is logging in: the email their login link proved, and the customer the identity already points to. */
export type PortalLogin = {
  auth_identity_id: string
  /** The email of the identity's magic-link login (lower-cased), or null for a password-only identity. */
  email: string | null
  /** The customer the identity is already linked to (`app_metadata.customer_id`). */
  customer_id: string | null
}

/**
 * Reads an auth identity: its magic-link email and its customer. An identity
 * with neither (a password registration that never created its customer) is
 * refused with `login_link_required`: only an email proved by a login link
 * opens or claims an account.
 */
export const resolvePortalLoginStep = createStep(
  resolvePortalLoginStepId,
  async (input: { auth_identity_id: string }, { container }) => {
    const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
    const identity = await auth
      .retrieveAuthIdentity(input.auth_identity_id, { relations: ["provider_identities"] })
      .catch(() => null)
    if (!identity) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
    }
    const link = identity.provider_identities?.find((p) => p.provider === MagicLinkAuthProviderService.identifier)
    const customerId = (identity.app_metadata?.customer_id as string | undefined) ?? null
    if (!link && !customerId) {
      throw new PorticoError(
        MedusaError.Types.NOT_ALLOWED,
        PorticoErrorCode.LOGIN_LINK_REQUIRED,
        "Log in with a login link sent to your email to open your account."
      )
    }
    return new StepResponse<PortalLogin>({ auth_identity_id: identity.id, email: link?.entity_id ?? null, customer_id: customerId })
  }
)
