import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { fixedListConfig, LicenseKeyListParams } from "../../../shared/entitlement-params"
import { validateBody } from "../../../utils/validate-body"
import { validateQuery } from "../../../utils/validate-query"

/** Middleware of `/store/portico/license-keys/*`: a logged-in client; validation. */
export const storeLicenseKeyMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portico/license-keys*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/portico/license-keys",
    methods: ["GET"],
    middlewares: [validateQuery(LicenseKeyListParams, fixedListConfig)],
  },
  {
    matcher: "/store/portico/license-keys/:id/instances/:instance_id/deactivate",
    methods: ["POST"],
    middlewares: [validateBody(z.object({}).strict())],
  },
]
