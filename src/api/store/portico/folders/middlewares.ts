import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validate-query"
import { folderServicesQueryConfig, listFolderQueryConfig } from "./query-config"
import { FolderListParams, FolderServicesParams } from "./validators"

/** Middleware of `/store/portico/folders/*`: query validation. */
export const storeFolderMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portico/folders",
    methods: ["GET"],
    middlewares: [validateQuery(FolderListParams, listFolderQueryConfig)],
  },
  {
    matcher: "/store/portico/folders/:id/services",
    methods: ["GET"],
    middlewares: [validateQuery(FolderServicesParams, folderServicesQueryConfig)],
  },
]
