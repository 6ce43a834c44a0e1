import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

export const deleteFoldersStepId = "portico-delete-folders-step"

/**
 * Deletes (soft) empty folders. An unknown id is a 404; a folder that still
 * holds services or sub-folders is refused with `folder_not_empty` and nothing
 * is deleted. Compensation restores them.
 */
export const deleteFoldersStep = createStep(
  deleteFoldersStepId,
  async (ids: string[], { container }) => {
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    const found = await catalog.listServiceFolders({ id: ids }, { select: ["id"] })
    const missing = ids.filter((id) => !found.some((f) => f.id === id))
    if (missing.length) {
      throw new PorticoError(
        MedusaError.Types.NOT_FOUND,
        PorticoErrorCode.NOT_FOUND,
        `Folder ${missing.join(", ")} was not found.`
      )
    }
    await catalog.assertDeletable(ids)
    await catalog.softDeleteServiceFolders(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    await catalog.restoreServiceFolders(ids)
  }
)
