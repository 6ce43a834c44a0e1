import { defineMiddlewares, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  listFolderQueryConfig,
  retrieveFolderQueryConfig,
} from "./admin/portico/folders/query-config"
import { CreateFolderBody, FolderListParams } from "./admin/portico/folders/validators"
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
      matcher: "/store/portico/folders",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(FolderListParams, listFolderQueryConfig)],
    },
  ],
})
