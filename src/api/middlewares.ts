import { defineMiddlewares, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  listFolderQueryConfig,
  retrieveFolderQueryConfig,
} from "./admin/portico/folders/query-config"
import {
  CreateFolderBody,
  FolderListParams,
  FolderServicesBody,
  FolderServicesParams,
  ReorderFoldersBody,
  UpdateFolderBody,
} from "./admin/portico/folders/validators"
import { ServiceSettingsBody } from "./admin/portico/services/validators"
import { currencyLockOnCartCreate } from "./utils/currency-lock-middleware"
import { validateBody } from "./utils/validate-body"

/**
 * Portico's routes and their validation. Bodies go through `validateBody`
 * (400 with a stable code and one entry per offending field); list queries
 * through Medusa's `validateAndTransformQuery`.
 */
export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/portico/folders",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(FolderListParams, listFolderQueryConfig)],
    },
    {
      matcher: "/admin/portico/folders",
      methods: ["POST"],
      middlewares: [
        validateBody(CreateFolderBody),
        validateAndTransformQuery(
          FolderListParams.pick({ fields: true }),
          retrieveFolderQueryConfig
        ),
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
    {
      matcher: "/admin/portico/services/:id/settings",
      methods: ["POST"],
      middlewares: [validateBody(ServiceSettingsBody)],
    },
    {
      matcher: "/store/carts",
      methods: ["POST"],
      middlewares: [currencyLockOnCartCreate],
    },
    {
      matcher: "/store/portico/folders",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(FolderListParams, listFolderQueryConfig)],
    },
    {
      matcher: "/store/portico/folders/:id/services",
      methods: ["GET"],
      middlewares: [
        validateAndTransformQuery(FolderServicesParams, {
          defaults: ["id"],
          isList: true,
          defaultLimit: 20,
        }),
      ],
    },
  ],
})
