import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { changeProductFileStep, type ProductFileChange } from "../steps/change-product-file"

export const changeProductFileWorkflowId = "portico-change-product-file"

/**
 * The merchant adds, replaces, renames, moves or removes a file of a service
 * (see `changeProductFileStep`). The upload itself is stored before (private,
 * under a key Portico made); the caller deletes it when this workflow fails.
 *
 * @example
 * await changeProductFileWorkflow(container).run({
 *   input: { action: "replace", product_id, file_id, version: { file_key, filename, mime_type, size } },
 * })
 */
export const changeProductFileWorkflow = createWorkflow(changeProductFileWorkflowId, (input: ProductFileChange) => {
  return new WorkflowResponse(changeProductFileStep(input))
})
