import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTICO_CATALOG_MODULE } from "../../../../../modules/catalog"
import type CatalogModuleService from "../../../../../modules/catalog/service"
import { storeServiceIds } from "../helpers"

/**
 * `GET /store/portico/folders/tree`: the visible folders as a tree ordered by
 * position, each with `children` and `service_count` (published services of
 * the publishable key's sales channels directly in it). Hidden folders and
 * everything under them are left out. Returns `{ folders }`.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const catalog = req.scope.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
  const visible = await storeServiceIds(req)
  const serviceCounts = new Map<string, number>()
  for (const s of visible) {
    serviceCounts.set(s.folder_id, (serviceCounts.get(s.folder_id) ?? 0) + 1)
  }
  res.json({ folders: await catalog.folderTree({ visibleOnly: true, serviceCounts }) })
}
