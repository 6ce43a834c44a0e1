import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

/** Middleware of Portico's `/store/orders/:id/{invoice,payment-instructions}` routes: optional authentication. */
export const storeOrderMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/orders/:id/invoice",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
  {
    matcher: "/store/orders/:id/payment-instructions",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
]
