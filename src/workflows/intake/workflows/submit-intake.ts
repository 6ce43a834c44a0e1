import { emitEventStep, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { IncomingFile } from "../../../modules/intake/schema"
import { ServiceOrderEvents } from "../../../modules/service-order/constants"
import { transitionServiceOrderStep } from "../../service-order/steps/transition-service-order"
import { createIntakeSubmissionStep, type IntakeFileAnswer } from "../steps/create-intake-submission"
import { validateIntakeSubmissionStep } from "../steps/validate-intake-submission"

export const submitIntakeWorkflowId = "portico-submit-intake"

/** A client's intake submission: answers, and files with their content (base64). */
export type SubmitIntakeInput = {
  service_order_id: string
  customer_id: string | null
  answers: unknown
  files: (IncomingFile & { content: string })[]
}

/**
 * Takes a client's answers to a service order's intake form: validates every
 * field against the form's current version (400 `invalid_intake` with
 * per-field errors, nothing stored), moves the service order from `pending`
 * to its service's start status (only one submission wins; a second one gets
 * `intake_not_pending`), stores the files in Medusa's file module as private
 * files and the answers with the version they answer, then emits
 * `portico.intake.submitted` and `portico.service_order.status_changed`.
 * A failure after the status change undoes it and deletes the files.
 *
 * @example
 * await submitIntakeWorkflow(container).run({
 *   input: { service_order_id, customer_id, answers: { brief: "…" }, files: [] },
 * })
 */
export const submitIntakeWorkflow = createWorkflow(submitIntakeWorkflowId, (input: SubmitIntakeInput) => {
  const valid = validateIntakeSubmissionStep(
    transform({ input }, ({ input }) => ({
      service_order_id: input.service_order_id,
      answers: input.answers,
      files: input.files.map(({ content: _content, ...meta }) => meta),
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
  const uploaded = uploadFilesWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      files: input.files.map((f) => ({
        filename: f.filename,
        mimeType: f.mime_type,
        content: f.content,
        access: "private" as const,
      })),
    })),
  })
  const submission = createIntakeSubmissionStep(
    transform({ input, valid, uploaded }, ({ input, valid, uploaded }) => ({
      service_order_id: valid.service_order_id,
      form_id: valid.form_id,
      form_version_id: valid.form_version_id,
      version: valid.version,
      customer_id: input.customer_id,
      answers: valid.answers,
      files: input.files.map(
        (f, i): IntakeFileAnswer => ({
          field: f.field,
          file_id: uploaded[i].id,
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
