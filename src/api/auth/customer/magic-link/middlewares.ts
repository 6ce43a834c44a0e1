import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeEmail } from "../../../../providers/magic-link/token"
import { consumeRateLimits, loginRateLimits, RateLimited, type RateLimit, tooManyRequests } from "../../../utils/rate-limit"
import { validateBody } from "../../../utils/validate-body"
import { MagicLinkLoginBody, MagicLinkRequestBody } from "./validators"

const requestBody = validateBody(MagicLinkRequestBody)
const loginBody = validateBody(MagicLinkLoginBody)

/** Validates the body as a login (`{ token }`) or a link request (`{ email, next? }`). */
function validateMagicLinkBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = req.body as Record<string, unknown> | undefined
  return (body && typeof body === "object" && "token" in body ? loginBody : requestBody)(req, res, next)
}

/**
 * Rate limits of the magic-link route: every request counts against its IP
 * address, a link request also against its email. Counted in Redis when the
 * app has `redisUrl`. Behind a proxy, set Express's `trust proxy` so that
 * `req.ip` is the client's.
 */
export async function limitMagicLink(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const limits = loginRateLimits(config)
  const body = req.validatedBody as { email?: string }
  const checks: Array<[string, RateLimit, string]> = [["login_ip", limits.per_ip, req.ip ?? req.socket.remoteAddress ?? "unknown"]]
  if (body.email) {
    checks.push(["login_email", limits.per_email, normalizeEmail(body.email)])
  }
  try {
    await consumeRateLimits(config, logger, checks)
    next()
  } catch (e) {
    if (e instanceof RateLimited) {
      return tooManyRequests(res, e)
    }
    next(e)
  }
}

/** Middleware of `POST /auth/customer/magic-link` (Medusa's auth route, Portico's provider): validation, then rate limits. */
export const authMagicLinkMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/auth/customer/magic-link",
    methods: ["POST"],
    bodyParser: { sizeLimit: "8kb" },
    middlewares: [validateMagicLinkBody, limitMagicLink],
  },
]
