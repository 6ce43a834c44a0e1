import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validate-query"
import { StoreServiceOrderParams } from "./validators"

/** Middleware of `/store/portico/service-orders/*`: authentication, list query validation, the intake's body limit. */
export const storeServiceOrderMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portico/service-orders",
    methods: ["GET"],
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateQuery(StoreServiceOrderParams, { defaults: ["id"], isList: true, defaultLimit: 20 }),
    ],
  },
  {
    matcher: "/store/portico/service-orders/:id*",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
  {
    // JSON, or multipart (answers as a JSON part, files streamed to storage
    // by the route once it knows the caller, the order and the form).
    matcher: "/store/portico/service-orders/:id/intake",
    methods: ["POST"],
    bodyParser: { sizeLimit: "256kb" },
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
]
