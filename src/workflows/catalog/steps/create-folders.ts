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
 * parent exists (`handle_taken`, `not_found`). A folder without a `position`
 * goes after its siblings. Compensation deletes them.
 */
export const createFoldersStep = createStep(
  createFoldersStepId,
  async (input: CreateFolderInput[], { container }) => {
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    const next = new Map<string | null, number>()
    const toCreate: CreateFolderInput[] = []
    for (const folder of input) {
      await catalog.assertHandleFree(folder.handle)
      await catalog.assertPlacement(null, folder.parent_id)
      if (folder.position !== undefined) {
        toCreate.push(folder)
        continue
      }
      // Without a position a folder goes after its siblings.
      const parent = folder.parent_id ?? null
      if (!next.has(parent)) {
        const [last] = await catalog.listServiceFolders(
          { parent_id: parent },
          { select: ["position"], order: { position: "DESC" }, take: 1 }
        )
        next.set(parent, last ? last.position + 1 : 0)
      }
      toCreate.push({ ...folder, position: next.get(parent)! })
      next.set(parent, next.get(parent)! + 1)
    }
    const folders = await catalog.withUniqueHandle(
      toCreate.map((f) => f.handle).join(", "),
      () => catalog.createServiceFolders(toCreate)
    )
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
