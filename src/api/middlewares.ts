import {
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listFolderQueryConfig,
  retrieveFolderQueryConfig,
} from "./admin/portico/folders/query-config"
import { CreateFolderBody, FolderListParams } from "./admin/portico/folders/validators"

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
        validateAndTransformBody(CreateFolderBody),
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
