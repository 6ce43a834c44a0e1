import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { normalizeEmail } from "../../../../../../providers/magic-link/token"
import { PorticoError, PorticoErrorCode } from "../../../../../../utils/errors"
import { sendLoginLinkWorkflow } from "../../../../../../workflows/portal/workflows/send-login-link"
import { consumeRateLimits, loginRateLimits, RateLimited, tooManyRequests } from "../../../../../utils/rate-limit"

/**
 * `POST /admin/portico/customers/:id/login-link`: emails the customer a
 * login link to the customer portal (`sendLoginLinkWorkflow`). Counts against
 * the email's login-link limit like the store's request (429 `rate_limited`).
 * Answers `{ sent: true, email }`; 404 for an unknown customer.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: req.params.id } })
  if (!customer?.email) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Customer ${req.params.id} was not found.`)
  }
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  try {
    await consumeRateLimits(config, req.scope.resolve(ContainerRegistrationKeys.LOGGER), [
      ["login_email", loginRateLimits(config).per_email, normalizeEmail(customer.email)],
    ])
  } catch (e) {
    if (e instanceof RateLimited) {
      return tooManyRequests(res, e)
    }
    throw e
  }
  await sendLoginLinkWorkflow(req.scope).run({ input: { email: customer.email } })
  res.json({ sent: true, email: customer.email })
}
