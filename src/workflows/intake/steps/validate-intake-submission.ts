import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INTAKE_MODULE } from "../../../modules/intake"
import type IntakeModuleService from "../../../modules/intake/service"
import { validateIntake, type IncomingFile } from "../../../modules/intake/schema"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../../modules/service-order"
import type ServiceOrderModuleService from "../../../modules/service-order/service"
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
    const serviceOrders = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
    const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
    const [so] = await serviceOrders.listServiceOrders(
      { id: input.service_order_id },
      { select: ["id", "status", "intake_form_id", "start_status"] }
    )
    if (!so) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Service order ${input.service_order_id} was not found.`)
    }
    const version = so.intake_form_id ? await intake.currentIntakeVersion(so.intake_form_id) : null
    if (!version) {
      throw new PorticoError(MedusaError.Types.NOT_ALLOWED, PorticoErrorCode.NO_INTAKE_FORM, "This service has no intake form to fill in.")
    }
    if (so.status !== "pending") {
      throw new PorticoError(
        MedusaError.Types.NOT_ALLOWED,
        PorticoErrorCode.INTAKE_NOT_PENDING,
        `The intake of this order was already submitted (the order is ${so.status}).`,
        { details: { status: so.status } }
      )
    }
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
      service_order_id: so.id,
      form_id: version.form_id,
      form_version_id: version.id,
      version: version.version,
      start_status: so.start_status as "submitted" | "working",
      answers: result.answers,
    }
    return new StepResponse(valid)
  }
)
