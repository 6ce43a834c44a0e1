import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { validateBody } from "../../../utils/validate-body"

/** Middleware of `POST /store/portico/account`: a login token, with or without a customer yet. */
export const storeAccountMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portico/account",
    methods: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnregistered: true }), validateBody(z.object({}).strict())],
  },
]
