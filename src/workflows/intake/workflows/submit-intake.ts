import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { IncomingFile } from "../../../contracts/intake"
import { ServiceOrderEvents } from "../../../modules/service-order/constants"
import { transitionServiceOrderStep } from "../../service-order/steps/transition-service-order"
import { createIntakeSubmissionStep, type IntakeFileAnswer } from "../steps/create-intake-submission"
import { holdIntakeFilesStep } from "../steps/hold-intake-files"
import { validateIntakeSubmissionStep } from "../steps/validate-intake-submission"

export const submitIntakeWorkflowId = "portico-submit-intake"

/**
 * A file answer already in Medusa's file module (stored private, under a key
 * Portico made): which field it answers, the client's file name (metadata
 * only), its checked content type and size.
 */
export type StoredIntakeFile = IncomingFile & { file_id: string }

/** A client's intake submission: answers, and the files it stored. */
export type SubmitIntakeInput = {
  service_order_id: string
  customer_id: string | null
  answers: unknown
  files: StoredIntakeFile[]
}

/**
 * Takes a client's answers to a service order's intake form: validates every
 * field against the form's current version (400 `invalid_intake` with
 * per-field errors, nothing stored), moves the service order from `pending`
 * to its service's start status (only one submission wins; a second one gets
 * `intake_not_pending`), stores the answers with the version they answer and
 * the files (already in Medusa's file module as private files, see
 * {@link StoredIntakeFile}), then emits `portico.intake.submitted` and
 * `portico.service_order.status_changed`. A refusal or a failure deletes the
 * files and undoes the status change.
 *
 * @example
 * await submitIntakeWorkflow(container).run({
 *   input: { service_order_id, customer_id, answers: { brief: "…" }, files: [] },
 * })
 */
export const submitIntakeWorkflow = createWorkflow(submitIntakeWorkflowId, (input: SubmitIntakeInput) => {
  holdIntakeFilesStep(transform({ input }, ({ input }) => ({ file_ids: input.files.map((f) => f.file_id) })))
  const valid = validateIntakeSubmissionStep(
    transform({ input }, ({ input }) => ({
      service_order_id: input.service_order_id,
      answers: input.answers,
      files: input.files.map(({ file_id: _id, ...meta }) => meta),
    }))
  )
  const done = transitionServiceOrderStep(
    transform({ input, valid }, ({ input, valid }) => ({
      id: input.service_order_id,
      to: valid.start_status,
      expect_from: "pending" as const,
      actor_type: "customer" as const,
      actor_id: input.customer_id,
      note: null,
    }))
  )
  const submission = createIntakeSubmissionStep(
    transform({ input, valid }, ({ input, valid }) => ({
      service_order_id: valid.service_order_id,
      form_id: valid.form_id,
      form_version_id: valid.form_version_id,
      version: valid.version,
      customer_id: input.customer_id,
      answers: valid.answers,
      files: input.files.map(
        (f): IntakeFileAnswer => ({
          field: f.field,
          file_id: f.file_id,
          filename: f.filename,
          mime_type: f.mime_type,
          size: f.size,
        })
      ),
    }))
  )
  emitEventStep({
    eventName: ServiceOrderEvents.INTAKE_SUBMITTED,
    data: transform({ submission, valid }, ({ submission, valid }) => ({
      id: submission.id,
      service_order_id: valid.service_order_id,
      form_id: valid.form_id,
      version: valid.version,
    })),
  }).config({ name: "emit-intake-submitted" })
  emitEventStep({
    eventName: ServiceOrderEvents.STATUS_CHANGED,
    data: transform({ done, input }, ({ done, input }) => ({
      id: done.id,
      history_id: done.history_id,
      from: done.from,
      to: done.to,
      actor_type: "customer",
      actor_id: input.customer_id,
      note: null,
    })),
  }).config({ name: "emit-status-changed" })
  return new WorkflowResponse({ submission, transition: done })
})
