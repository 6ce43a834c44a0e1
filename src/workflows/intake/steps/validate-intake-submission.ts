import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { validateIntake, type IncomingFile } from "../../../contracts/intake"
import { intakeTarget } from "../intake-target"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

export const validateIntakeSubmissionStepId = "portico-validate-intake-submission-step"

/** What a valid submission will store. */
export type ValidIntakeSubmission = {
  service_order_id: string
  form_id: string
  form_version_id: string
  version: number
  start_status: "submitted" | "working"
  answers: Record<string, unknown>
}

/**
 * Checks a client's intake submission against the current version of the
 * service order's form (the zod schema built from that version's fields):
 * `no_intake_form` when the service has none, `intake_not_pending` once the
 * intake was submitted (resubmission is refused), `invalid_intake` with one
 * error per offending field otherwise. Writes nothing.
 */
export const validateIntakeSubmissionStep = createStep(
  validateIntakeSubmissionStepId,
  async (input: { service_order_id: string; answers: unknown; files: IncomingFile[] }, { container }) => {
    const { service_order_id, start_status, version } = await intakeTarget(container, input.service_order_id)
    const result = validateIntake(version.fields, input.answers, input.files)
    if (!result.ok) {
      throw new PorticoError(
        MedusaError.Types.INVALID_DATA,
        PorticoErrorCode.INVALID_INTAKE,
        `Some answers need another look: ${result.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`,
        { details: { errors: result.errors } }
      )
    }
    const valid: ValidIntakeSubmission = {
      service_order_id,
      form_id: version.form_id,
      form_version_id: version.id,
      version: version.version,
      start_status,
      answers: result.answers,
    }
    return new StepResponse(valid)
  }
)
