import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INTAKE_MODULE } from "../../../modules/intake"
import type IntakeModuleService from "../../../modules/intake/service"

export const createIntakeSubmissionStepId = "portico-create-intake-submission-step"

/** A stored file answer: the file module's id and what the client sent. */
export type IntakeFileAnswer = { field: string; file_id: string; filename: string; mime_type: string; size: number }

/** Stores a validated intake submission. Compensation deletes it. */
export const createIntakeSubmissionStep = createStep(
  createIntakeSubmissionStepId,
  async (
    input: {
      service_order_id: string
      form_id: string
      form_version_id: string
      version: number
      customer_id: string | null
      answers: Record<string, unknown>
      files: IntakeFileAnswer[]
    },
    { container }
  ) => {
    const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
    const submission = await intake.createIntakeSubmissions({
      ...input,
      files: input.files as unknown as Record<string, unknown>,
    })
    return new StepResponse(submission, submission.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
    await intake.deleteIntakeSubmissions(id)
  }
)
