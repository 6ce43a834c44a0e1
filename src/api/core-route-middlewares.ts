import type { MiddlewareRoute } from "@medusajs/framework/http"
import { errorCodeAsReason } from "./utils/error-code-reason"
import { verifyPaymentWebhook } from "./utils/payment-webhook"

/**
 * Portico's middleware on Medusa's own routes, transport only: error codes
 * as reason phrases, and payment webhooks verified before Medusa queues them.
 * The money rules on core routes are Portico's workflows, run by the routes
 * Portico replaces (see the README, "Core routes Portico replaces").
 * `src/api/middlewares.ts` spreads this list after the global guards.
 */
export const coreRouteMiddlewares: MiddlewareRoute[] = [
  // After guardRequestInput (same matcher, listed after it by the root).
  { matcher: "/store*", middlewares: [errorCodeAsReason] },
  // Payment webhooks: signature and amount checked before Medusa queues them (see payment-webhook.ts).
  {
    matcher: "/hooks/payment/:provider",
    methods: ["POST"],
    bodyParser: { preserveRawBody: true },
    middlewares: [verifyPaymentWebhook],
  },
]
