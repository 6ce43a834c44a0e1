import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"
import type { CreateFolderInput } from "./create-folders"

/** Input of a folder update: its id and the fields to change. */
export type UpdateFolderInput = { id: string } & Partial<CreateFolderInput>

export const updateFolderStepId = "portico-update-folder-step"

/**
 * Renames, re-describes, hides/shows, moves (`parent_id`) or repositions a
 * folder. Refuses an unknown folder (404), a handle in use (`handle_taken`)
 * and a move into itself or its own sub-tree (`folder_cycle`). A move without
 * a `position` puts the folder after its new siblings. Compensation restores
 * the previous values.
 */
export const updateFolderStep = createStep(
  updateFolderStepId,
  async (input: UpdateFolderInput, { container }) => {
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    const [before] = await catalog.listServiceFolders({ id: input.id }, { take: 1 })
    if (!before) {
      throw new PorticoError(
        MedusaError.Types.NOT_FOUND,
        PorticoErrorCode.NOT_FOUND,
        `Folder ${input.id} was not found.`
      )
    }
    if (input.handle !== undefined && input.handle !== before.handle) {
      await catalog.assertHandleFree(input.handle, input.id)
    }
    const update: UpdateFolderInput = { ...input }
    const moving = input.parent_id !== undefined && (input.parent_id ?? null) !== before.parent_id
    if (moving) {
      await catalog.assertPlacement(input.id, input.parent_id)
      if (input.position === undefined) {
        const siblings = await catalog.listServiceFolders(
          { parent_id: input.parent_id ?? null },
          { select: ["position"], order: { position: "DESC" }, take: 1 }
        )
        update.position = siblings.length ? siblings[0].position + 1 : 0
      }
    }
    const previous = Object.fromEntries(
      Object.keys(update).map((key) => [key, before[key as keyof typeof before]])
    ) as UpdateFolderInput
    const updated = await catalog.withUniqueHandle(update.handle, () => catalog.updateServiceFolders(update))
    return new StepResponse(updated, { ...previous, id: input.id })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    await catalog.updateServiceFolders(previous)
  }
)
