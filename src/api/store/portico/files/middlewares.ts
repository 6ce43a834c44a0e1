import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { validateBody } from "../../../utils/validate-body"

/** Middleware of `/store/portico/files/*`: a logged-in client; body validation. */
export const storeFileMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portico/files/:id/download-link",
    methods: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateBody(z.object({}).strict())],
  },
]
