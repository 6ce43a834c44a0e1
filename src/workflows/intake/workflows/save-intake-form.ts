import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { IntakeFormInput } from "../../../modules/intake/service"
import { saveIntakeFormStep } from "../steps/save-intake-form"

export const saveIntakeFormWorkflowId = "portico-save-intake-form"

/**
 * Creates (no `id`) or updates an intake form. Fields are validated by the
 * route (`IntakeFieldsSchema`); a change of fields writes the next version.
 *
 * @example
 * const { result } = await saveIntakeFormWorkflow(container).run({
 *   input: { title: "Project brief", fields: [{ key: "goal", type: "long_text", label: "Goal", required: true }] },
 * })
 */
export const saveIntakeFormWorkflow = createWorkflow(
  saveIntakeFormWorkflowId,
  (input: { id?: string } & Partial<IntakeFormInput>) => new WorkflowResponse(saveIntakeFormStep(input))
)
