import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
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
  {
    matcher: "/store/portico/subscriptions/:id/renewals/:renewal_id/payment",
    methods: ["POST"],
    middlewares: [validateBody(z.object({ provider_id: z.string().regex(/^pp_[A-Za-z0-9_-]{1,100}$/).optional() }).strict())],
  },
  {
    matcher: "/store/portico/subscriptions/:id/renewals/:renewal_id/complete",
    methods: ["POST"],
    middlewares: [validateBody(z.object({}).strict())],
  },
  {
    matcher: "/store/portico/subscriptions/:id/payment-method/setup",
    methods: ["POST"],
    middlewares: [validateBody(z.object({}).strict())],
  },
  {
    matcher: "/store/portico/subscriptions/:id/payment-method",
    methods: ["POST"],
    middlewares: [validateBody(z.object({ payment_method_id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) }).strict())],
  },
]
