import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminLicenseKeyChange, AdminLicenseKeyListParams, fixedListConfig } from "../../../shared/entitlement-params"
import { validateBody } from "../../../utils/validate-body"
import { validateQuery } from "../../../utils/validate-query"

/** Middleware of `/admin/portico/license-keys/*`: validation. */
export const adminLicenseKeyMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/license-keys",
    methods: ["GET"],
    middlewares: [validateQuery(AdminLicenseKeyListParams, fixedListConfig)],
  },
  {
    matcher: "/admin/portico/license-keys/:id/changes",
    methods: ["POST"],
    middlewares: [validateBody(AdminLicenseKeyChange)],
  },
]
