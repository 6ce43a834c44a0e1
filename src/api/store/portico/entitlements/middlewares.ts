import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { EntitlementListParams, fixedListConfig } from "../../../shared/entitlement-params"
import { validateQuery } from "../../../utils/validate-query"

/** Middleware of `/store/portico/entitlements`: a logged-in client; query validation. */
export const storeEntitlementMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portico/entitlements",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(EntitlementListParams, fixedListConfig)],
  },
]
