import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate-body"
import { ServiceSettingsBody } from "./validators"

/** Middleware of `/admin/portico/services/:id/settings`: body validation. */
export const adminServiceMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/services/:id/settings",
    methods: ["POST"],
    middlewares: [validateBody(ServiceSettingsBody)],
  },
]
