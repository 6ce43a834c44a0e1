import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreSubscriptionChange, SubscriptionListParams } from "../../../shared/subscription-changes"
import { validateBody } from "../../../utils/validate-body"
import { validateQuery } from "../../../utils/validate-query"
import { subscriptionListQueryConfig } from "./query-config"

/** Middleware of `/store/portico/subscriptions/*`: a logged-in client only; validation. */
export const storeSubscriptionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portico/subscriptions*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/portico/subscriptions",
    methods: ["GET"],
    middlewares: [validateQuery(SubscriptionListParams, subscriptionListQueryConfig)],
  },
  {
    matcher: "/store/portico/subscriptions/:id/changes",
    methods: ["POST"],
    middlewares: [validateBody(StoreSubscriptionChange)],
  },
]
