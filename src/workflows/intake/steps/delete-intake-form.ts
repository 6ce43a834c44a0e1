import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"
import { PORTICO_INTAKE_MODULE } from "../../../modules/intake"
import type IntakeModuleService from "../../../modules/intake/service"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

export const deleteIntakeFormStepId = "portico-delete-intake-form-step"

/**
 * Soft-deletes an intake form and its versions. Refused (`form_in_use`) while
 * a service asks for it; submissions keep their answers and version id.
 * Compensation restores it.
 */
export const deleteIntakeFormStep = createStep(
  deleteIntakeFormStepId,
  async (input: { id: string }, { container }) => {
    const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
    const catalog = container.resolve<CatalogModuleService>(PORTICO_CATALOG_MODULE)
    const [form] = await intake.listIntakeForms({ id: input.id }, { select: ["id"] })
    if (!form) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Intake form ${input.id} was not found.`)
    }
    const users = await catalog.listServiceSettings({ intake_form_id: input.id }, { select: ["product_id"] })
    if (users.length) {
      throw new PorticoError(
        MedusaError.Types.NOT_ALLOWED,
        PorticoErrorCode.FORM_IN_USE,
        `${users.length} service${users.length === 1 ? " uses" : "s use"} this form; choose another form for ${users.length === 1 ? "it" : "them"} first.`,
        { details: { product_ids: users.map((u) => u.product_id) } }
      )
    }
    await intake.softDeleteIntakeForms(input.id)
    return new StepResponse({ id: input.id }, input.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
    await intake.restoreIntakeForms(id)
  }
)
