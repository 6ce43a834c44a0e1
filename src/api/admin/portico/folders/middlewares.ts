import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate-body"
import { validateQuery } from "../../../utils/validate-query"
import { listFolderQueryConfig, retrieveFolderQueryConfig } from "./query-config"
import {
  CreateFolderBody,
  FolderListParams,
  FolderServicesBody,
  ReorderFoldersBody,
  UpdateFolderBody,
} from "./validators"

/** Middleware of `/admin/portico/folders/*`: query and body validation. */
export const adminFolderMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/folders",
    methods: ["GET"],
    middlewares: [validateQuery(FolderListParams, listFolderQueryConfig)],
  },
  {
    matcher: "/admin/portico/folders",
    methods: ["POST"],
    middlewares: [
      validateBody(CreateFolderBody),
      validateQuery(FolderListParams.pick({ fields: true }), retrieveFolderQueryConfig),
    ],
  },
  {
    matcher: "/admin/portico/folders/tree/order",
    methods: ["POST"],
    middlewares: [validateBody(ReorderFoldersBody)],
  },
  {
    matcher: "/admin/portico/folders/:id",
    methods: ["POST"],
    middlewares: [validateBody(UpdateFolderBody)],
  },
  {
    matcher: "/admin/portico/folders/:id/services",
    methods: ["POST"],
    middlewares: [validateBody(FolderServicesBody)],
  },
]
