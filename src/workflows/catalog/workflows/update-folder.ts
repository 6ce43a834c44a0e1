import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateFolderStep, type UpdateFolderInput } from "../steps/update-folder"

export const updateFolderWorkflowId = "portico-update-folder"

/**
 * Updates one folder: rename, change handle or description, hide/show, move
 * under another parent (`parent_id`, `null` for the top level) or change its
 * position among its siblings.
 *
 * @example
 * await updateFolderWorkflow(container).run({
 *   input: { id: "sfold_…", parent_id: "sfold_parent", is_visible: false },
 * })
 */
export const updateFolderWorkflow = createWorkflow(
  updateFolderWorkflowId,
  (input: UpdateFolderInput) => {
    return new WorkflowResponse(updateFolderStep(input))
  }
)
