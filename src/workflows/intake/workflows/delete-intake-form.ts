import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteIntakeFormStep } from "../steps/delete-intake-form"

export const deleteIntakeFormWorkflowId = "portico-delete-intake-form"

/**
 * Deletes an intake form no service uses (`form_in_use` otherwise).
 *
 * @example
 * await deleteIntakeFormWorkflow(container).run({ input: { id } })
 */
export const deleteIntakeFormWorkflow = createWorkflow(
  deleteIntakeFormWorkflowId,
  (input: { id: string }) => new WorkflowResponse(deleteIntakeFormStep(input))
)
