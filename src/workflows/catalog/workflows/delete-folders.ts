import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteFoldersStep } from "../steps/delete-folders"

export const deleteFoldersWorkflowId = "portico-delete-folders"

/**
 * Deletes empty folders. Portico refuses to delete a folder that still holds
 * services or sub-folders (`folder_not_empty`): the merchant moves them first,
 * so no service silently disappears from the catalog.
 */
export const deleteFoldersWorkflow = createWorkflow(
  deleteFoldersWorkflowId,
  (input: { ids: string[] }) => {
    return new WorkflowResponse(deleteFoldersStep(input.ids))
  }
)
