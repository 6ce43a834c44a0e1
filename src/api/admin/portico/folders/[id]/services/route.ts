import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { upsertServiceSettingsWorkflow } from "../../../../../../workflows/catalog/workflows/upsert-service-settings"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import { retrieveFolder } from "../../../../../shared/folders"
import { folderServices } from "../../helpers"
import type { FolderServicesBodyType } from "../../validators"

/**
 * `POST /admin/portico/folders/:id/services`: puts services (product ids in
 * `add`) into the folder, moving them out of any other folder, and takes those
 * in `remove` out of it. Returns `{ folder }` with `folder.services`. Unknown
 * folder or product: 404 and nothing changes.
 */
export const POST = withFieldErrors(
  async (req: AuthenticatedMedusaRequest<FolderServicesBodyType>, res: MedusaResponse) => {
    const folder = await retrieveFolder(req.scope, req.params.id)
    const { add = [], remove = [] } = req.validatedBody
    const current = new Set((await folderServices(req.scope, folder.id)).map((s) => s.id))
    await upsertServiceSettingsWorkflow(req.scope).run({
      input: {
        settings: [
          ...add.map((product_id) => ({ product_id, folder_id: folder.id })),
          ...remove
            .filter((product_id) => current.has(product_id) && !add.includes(product_id))
            .map((product_id) => ({ product_id, folder_id: null })),
        ],
      },
    })
    res.json({ folder: { ...folder, services: await folderServices(req.scope, folder.id) } })
  }
)
