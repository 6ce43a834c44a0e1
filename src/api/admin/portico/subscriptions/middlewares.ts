import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminSubscriptionChange, AdminSubscriptionListParams } from "../../../shared/subscription-changes"
import { validateBody } from "../../../utils/validate-body"
import { validateQuery } from "../../../utils/validate-query"
import { adminSubscriptionListQueryConfig } from "./query-config"

/** Middleware of `/admin/portico/subscriptions/*` and the development clock: validation. */
export const adminSubscriptionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/subscriptions",
    methods: ["GET"],
    middlewares: [validateQuery(AdminSubscriptionListParams, adminSubscriptionListQueryConfig)],
  },
  {
    matcher: "/admin/portico/subscriptions/:id/changes",
    methods: ["POST"],
    middlewares: [validateBody(AdminSubscriptionChange)],
  },
  {
    matcher: "/admin/portico/subscriptions/renewals/run",
    methods: ["POST"],
    middlewares: [validateBody(z.object({}).strict())],
  },
  {
    matcher: "/admin/portico/clock",
    methods: ["POST"],
    middlewares: [
      validateBody(
        z
          .object({
            advance_seconds: z.number().int().min(-10 * 366 * 86_400).max(10 * 366 * 86_400).optional(),
            set: z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), "Expected an ISO date-time").optional(),
            reset: z.boolean().optional(),
          })
          .strict()
      ),
    ],
  },
]
