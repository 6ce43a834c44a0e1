import type { MiddlewareRoute } from "@medusajs/framework/http"
import { verifyPaymentWebhook } from "./utils/payment-webhook"

/**
 * Portico's middleware on Medusa's own routes, transport only: payment
 * webhooks verified before Medusa queues them. (Refusal codes are read from
 * the response body by Portico's client, `medusa-plugin-portico/client`.)
 * The money rules on core routes are Portico's workflows, run by the routes
 * Portico replaces (see the README, "Core routes Portico replaces").
 * `src/api/middlewares.ts` spreads this list after the global guards.
 */
export const coreRouteMiddlewares: MiddlewareRoute[] = [
  // Payment webhooks: signature and amount checked before Medusa queues them (see payment-webhook.ts).
  {
    matcher: "/hooks/payment/:provider",
    methods: ["POST"],
    bodyParser: { preserveRawBody: true },
    middlewares: [verifyPaymentWebhook],
  },
]
