import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reorderFoldersStep, type ReorderFoldersInput } from "../steps/reorder-folders"

export const reorderFoldersWorkflowId = "portico-reorder-folders"

/**
 * Sets the order of the folders of one parent, as the admin's drag or
 * up/down buttons leave it.
 */
export const reorderFoldersWorkflow = createWorkflow(
  reorderFoldersWorkflowId,
  (input: ReorderFoldersInput) => {
    return new WorkflowResponse(reorderFoldersStep(input))
  }
)
