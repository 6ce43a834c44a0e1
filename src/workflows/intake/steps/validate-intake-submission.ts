import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type IncomingFile, type IntakeField, validateIntake } from "../../../modules/intake/schema"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PORTICO_INTAKE_MODULE } from "../../../modules/intake"
import type IntakeModuleService from "../../../modules/intake/service"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../../modules/service-order"
import type ServiceOrderModuleService from "../../../modules/service-order/service"

/** What an intake submission answers: the pending service order and its form's current version. */
export type IntakeTarget = {
  service_order_id: string
  start_status: "submitted" | "working"
  version: { id: string; form_id: string; version: number; fields: IntakeField[] }
}

/**
 * The service order an intake submission is for, if it can take one now:
 * 404 `not_found` for an unknown order, 400 `no_intake_form` when its service
 * has no form, 400 `intake_not_pending` once the intake was submitted. Used by
 * the submission's validation step and, before any file is read, by the
 * upload route.
 */
export async function intakeTarget(container: MedusaContainer, serviceOrderId: string): Promise<IntakeTarget> {
  const serviceOrders = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
  const intake = container.resolve<IntakeModuleService>(PORTICO_INTAKE_MODULE)
  const [so] = await serviceOrders.listServiceOrders(
    { id: serviceOrderId },
    { select: ["id", "status", "intake_form_id", "start_status"] }
  )
  if (!so) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Service order ${serviceOrderId} was not found.`)
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
  return { service_order_id: so.id, start_status: so.start_status as "submitted" | "working", version }
}

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
