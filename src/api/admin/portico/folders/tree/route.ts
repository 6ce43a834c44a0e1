import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTICO_CATALOG_MODULE } from "../../../../../modules/catalog"
import type CatalogModuleService from "../../../../../modules/catalog/service"

/**
 * `GET /admin/portico/folders/tree`: every folder (hidden ones too) as a tree
 * ordered by position, each with `service_count` and `children`. Returns
 * `{ folders }` (the top level).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const catalog = req.scope.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
  res.json({ folders: await catalog.folderTree() })
}
