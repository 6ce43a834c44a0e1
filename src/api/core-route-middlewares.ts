import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  creditGateOnComplete,
  refreshCreditBeforePayment,
  refreshCreditOnCartRead,
} from "./utils/credit-middleware"
import { currencyLockOnCartCreate } from "./utils/currency-lock-middleware"
import { errorCodeAsReason } from "./utils/error-code-reason"
import {
  gatewayRefundWithinPaid,
  paymentRefusalInWords,
  paymentSessionData,
  verifyPaymentWebhook,
} from "./utils/payment-middleware"

/**
 * Portico's middleware on Medusa's own store, admin and webhook routes (the
 * currency lock, account credit, payments, error codes as reason phrases),
 * kept in one list; `src/api/middlewares.ts` spreads it after the global
 * guards and the ownership checks.
 */
export const coreRouteMiddlewares: MiddlewareRoute[] = [
  // After guardRequestInput (same matcher, listed after it by the root).
  { matcher: "/store*", middlewares: [errorCodeAsReason] },
  {
    matcher: "/store/carts",
    methods: ["POST"],
    middlewares: [currencyLockOnCartCreate],
  },
  // Account credit: recomputed when the cart is read and before payment,
  // checked once more right before the cart completes.
  {
    matcher: "/store/carts/:id",
    methods: ["GET"],
    middlewares: [refreshCreditOnCartRead],
  },
  {
    matcher: "/store/payment-collections",
    methods: ["POST"],
    middlewares: [refreshCreditBeforePayment],
  },
  {
    matcher: "/store/payment-collections/:id/payment-sessions",
    methods: ["POST"],
    middlewares: [refreshCreditBeforePayment, paymentSessionData],
  },
  // Refunds to the card / PayPal never exceed what is left after refunds to credit.
  {
    matcher: "/admin/payments/:id/refund",
    methods: ["POST"],
    middlewares: [authenticate("user", ["session", "bearer", "api-key"]), gatewayRefundWithinPaid],
  },
  // Payment webhooks: verified before Medusa queues them (see payment-middleware.ts).
  {
    matcher: "/hooks/payment/:provider",
    methods: ["POST"],
    bodyParser: { preserveRawBody: true },
    middlewares: [verifyPaymentWebhook],
  },
  {
    matcher: "/store/carts/:id/complete",
    methods: ["POST"],
    middlewares: [paymentRefusalInWords, creditGateOnComplete],
  },
]
