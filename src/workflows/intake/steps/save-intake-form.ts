import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INTAKE_MODULE } from "../../../modules/intake"
import type IntakeModuleService from "../../../modules/intake/service"
import type { IntakeFormInput } from "../../../modules/intake/service"

export const saveIntakeFormStepId = "portico-save-intake-form-step"

/**
 * Creates an intake form (version 1) or updates one; changed fields become a
 * new version, so existing submissions keep the fields they answered.
 * Compensation undoes the creation or the update.
 */
export const saveIntakeFormStep = createStep(
  saveIntakeFormStepId,
  async (input: { id?: string } & Partial<IntakeFormInput>, { container }) => {
    const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
    const saved = await intake.saveIntakeForm(input)
    return new StepResponse(saved, saved)
  },
  async (saved, { container }) => {
    if (!saved) {
      return
    }
    const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
    await intake.revertIntakeForm(saved)
  }
)
