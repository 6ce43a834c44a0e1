import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"

/** Input of one folder to create. */
export type CreateFolderInput = {
  name: string
  handle: string
  description?: string | null
  parent_id?: string | null
  position?: number
  is_visible?: boolean
  metadata?: Record<string, unknown> | null
}

export const createFoldersStepId = "portico-create-folders-step"

/**
 * Creates catalog folders after checking that each handle is free and each
 * parent exists (`handle_taken`, `not_found`). Compensation deletes them.
 */
export const createFoldersStep = createStep(
  createFoldersStepId,
  async (input: CreateFolderInput[], { container }) => {
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    for (const folder of input) {
      await catalog.assertHandleFree(folder.handle)
      await catalog.assertPlacement(null, folder.parent_id)
    }
    const folders = await catalog.createServiceFolders(input)
    return new StepResponse(
      folders,
      folders.map((f) => f.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    await catalog.deleteServiceFolders(ids)
  }
)
