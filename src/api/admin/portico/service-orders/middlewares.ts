import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate-body"
import { validateQuery } from "../../../utils/validate-query"
import { AdminServiceOrderParams, ServiceOrderStatusBody } from "./validators"

/** Middleware of `/admin/portico/service-orders/*`: list query and status body validation. */
export const adminServiceOrderMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/service-orders",
    methods: ["GET"],
    middlewares: [validateQuery(AdminServiceOrderParams, { defaults: ["id"], isList: true, defaultLimit: 20 })],
  },
  {
    matcher: "/admin/portico/service-orders/:id/status",
    methods: ["POST"],
    middlewares: [validateBody(ServiceOrderStatusBody)],
  },
]
