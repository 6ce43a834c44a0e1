import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

/** The new order of the folders of one parent (`null`: the top level). */
export type ReorderFoldersInput = { parent_id: string | null; ids: string[] }

export const reorderFoldersStepId = "portico-reorder-folders-step"

/**
 * Gives the listed folders positions 0…n-1 in the order given. Every id must
 * be a folder directly under `parent_id` and every such folder must be listed,
 * so a stale admin page cannot scramble the order. Compensation restores the
 * previous positions.
 */
export const reorderFoldersStep = createStep(
  reorderFoldersStepId,
  async (input: ReorderFoldersInput, { container }) => {
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    const siblings = await catalog.listServiceFolders(
      { parent_id: input.parent_id },
      { select: ["id", "position"] }
    )
    const known = new Set(siblings.map((f) => f.id))
    const unknown = input.ids.filter((id) => !known.has(id))
    if (unknown.length) {
      throw new PorticoError(
        MedusaError.Types.NOT_FOUND,
        PorticoErrorCode.NOT_FOUND,
        `Folder ${unknown.join(", ")} was not found under this parent.`,
        { field: "ids" }
      )
    }
    if (new Set(input.ids).size !== siblings.length || input.ids.length !== siblings.length) {
      throw new PorticoError(
        MedusaError.Types.INVALID_DATA,
        PorticoErrorCode.INVALID_ORDER,
        "List every folder of this parent exactly once.",
        { field: "ids" }
      )
    }
    const previous = siblings.map((f) => ({ id: f.id, position: f.position }))
    await catalog.updateServiceFolders(input.ids.map((id, position) => ({ id, position })))
    return new StepResponse(input.ids, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    await catalog.updateServiceFolders(previous)
  }
)
