import type { MiddlewareRoute } from "@medusajs/framework/http"
import { ActivateBody, DeactivateBody, licenseRequest, ValidateBody } from "./helpers"

/**
 * Middleware of the public license API (`/license/*`): no login (the key is
 * the credential), JSON or form-encoded bodies of at most 8 kB, validation
 * and the per-IP and per-key rate limits.
 */
export const licenseApiMiddlewares: MiddlewareRoute[] = [
  { matcher: "/license/activate", methods: ["POST"], bodyParser: { sizeLimit: "8kb" }, middlewares: [licenseRequest(ActivateBody, "activated")] },
  { matcher: "/license/validate", methods: ["POST"], bodyParser: { sizeLimit: "8kb" }, middlewares: [licenseRequest(ValidateBody, "valid")] },
  { matcher: "/license/deactivate", methods: ["POST"], bodyParser: { sizeLimit: "8kb" }, middlewares: [licenseRequest(DeactivateBody, "deactivated")] },
]
