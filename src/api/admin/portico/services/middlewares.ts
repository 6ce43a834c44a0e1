import type { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminUpdateProductFile, fixedListConfig } from "../../../shared/entitlement-params"
import { validateBody } from "../../../utils/validate-body"
import { listParams, validateQuery } from "../../../utils/validate-query"
import { ServiceSettingsBody } from "./validators"

/** Middleware of `/admin/portico/services/:id/*`: body and query validation (file uploads are read by their routes). */
export const adminServiceMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/services/:id/settings",
    methods: ["POST"],
    middlewares: [validateBody(ServiceSettingsBody)],
  },
  {
    matcher: "/admin/portico/services/:id/files/:file_id",
    methods: ["POST"],
    middlewares: [validateBody(AdminUpdateProductFile)],
  },
  {
    matcher: "/admin/portico/services/:id/files/:file_id/downloads",
    methods: ["GET"],
    middlewares: [validateQuery(listParams({ limit: 20, maxLimit: 100 }), fixedListConfig)],
  },
]
