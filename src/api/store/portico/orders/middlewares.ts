import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

/** Middleware of `/store/portico/orders/:id/service-orders`: optional authentication (guest orders are reached by id). */
export const storePorticoOrderMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portico/orders/:id/service-orders",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
]
