import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import type { NewFileVersion } from "../../../modules/entitlement/service"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

export const changeProductFileStepId = "portico-change-product-file-step"

/** A merchant's change to a service's files. */
export type ProductFileChange =
  | { action: "add"; product_id: string; title: string; version: NewFileVersion }
  | { action: "replace"; product_id: string; file_id: string; version: NewFileVersion }
  | { action: "update"; product_id: string; file_id: string; title?: string; position?: number }
  | { action: "remove"; product_id: string; file_id: string }

type Undo =
  | { action: "add"; file_id: string }
  | { action: "replace"; file_id: string; version: number }
  | { action: "update"; file_id: string; title: string; position: number }
  | { action: "remove"; file_id: string }

const notFound = (what: string) => new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `${what} was not found.`)

/**
 * Adds a file to a service (version 1), replaces one (the next version;
 * clients get it from then on), renames or moves one, or removes one (soft:
 * its versions, stored content and download records stay for the record).
 * 404 `not_found` for an unknown service or a file of another service.
 * Compensation undoes the change (a new file or version is deleted, a
 * removed file restored, a rename reverted).
 */
export const changeProductFileStep = createStep(
  changeProductFileStepId,
  async (input: ProductFileChange, { container }) => {
    const service = container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
    if (input.action === "add") {
      const { data } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "product", fields: ["id"], filters: { id: input.product_id } })
      if (!data.length) {
        throw notFound(`Service ${input.product_id}`)
      }
      const id = await service.addProductFile({ product_id: input.product_id, title: input.title, version: input.version })
      return new StepResponse<{ file_id: string }, Undo>({ file_id: id }, { action: "add", file_id: id })
    }
    const [file] = await service.listProductFiles({ id: input.file_id, product_id: input.product_id }, { select: ["id", "title", "position"] })
    if (!file) {
      throw notFound(`File ${input.file_id}`)
    }
    if (input.action === "replace") {
      const version = await service.addProductFileVersion(file.id, input.version)
      if (version === null) {
        throw notFound(`File ${input.file_id}`)
      }
      return new StepResponse<{ file_id: string }, Undo>({ file_id: file.id }, { action: "replace", file_id: file.id, version })
    }
    if (input.action === "update") {
      await service.updateProductFiles({
        id: file.id,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
      })
      return new StepResponse<{ file_id: string }, Undo>(
        { file_id: file.id },
        { action: "update", file_id: file.id, title: file.title, position: file.position }
      )
    }
    await service.softDeleteProductFiles([file.id])
    return new StepResponse<{ file_id: string }, Undo>({ file_id: file.id }, { action: "remove", file_id: file.id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
    if (undo.action === "add") {
      await service.softDeleteProductFiles([undo.file_id])
    } else if (undo.action === "replace") {
      const versions = await service.listProductFileVersions({ file_id: undo.file_id, version: undo.version }, { select: ["id"] })
      await service.deleteProductFileVersions(versions.map((v) => v.id))
    } else if (undo.action === "update") {
      await service.updateProductFiles({ id: undo.file_id, title: undo.title, position: undo.position })
    } else {
      await service.restoreProductFiles([undo.file_id])
    }
  }
)
