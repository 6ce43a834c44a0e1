import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type UpsertEmailTemplateInput, upsertEmailTemplateStep } from "../steps/upsert-email-template"

export const upsertEmailTemplateWorkflowId = "portico-upsert-email-template"

/**
 * Saves a merchant's override of one of Portico's emails (subject and/or body
 * with `{{variable}}` placeholders, and whether it is used). The route
 * validates the placeholders first.
 */
export const upsertEmailTemplateWorkflow = createWorkflow(
  upsertEmailTemplateWorkflowId,
  (input: UpsertEmailTemplateInput) => new WorkflowResponse(upsertEmailTemplateStep(input))
)
