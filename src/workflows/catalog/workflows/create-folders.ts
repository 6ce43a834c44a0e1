import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createFoldersStep, type CreateFolderInput } from "../steps/create-folders"

export const createFoldersWorkflowId = "portico-create-folders"

/**
 * Creates catalog folders.
 *
 * @example
 * const { result } = await createFoldersWorkflow(container).run({
 *   input: { folders: [{ name: "Design", handle: "design" }] },
 * })
 */
export const createFoldersWorkflow = createWorkflow(
  createFoldersWorkflowId,
  (input: { folders: CreateFolderInput[] }) => {
    const folders = createFoldersStep(input.folders)
    return new WorkflowResponse(folders)
  }
)
