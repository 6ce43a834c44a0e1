import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { EntitlementEvents } from "../../../modules/entitlement/constants"
import { type FileDownloadInput, recordFileDownloadStep } from "../steps/record-file-download"

export const recordFileDownloadWorkflowId = "portico-record-file-download"

/**
 * Records that a client downloaded a version of a file (the download route
 * runs it once the entitlement was checked, before streaming) and emits
 * `portico.file.downloaded`.
 *
 * @example
 * await recordFileDownloadWorkflow(container).run({ input: { file_id, version_id, version, filename, customer_id, email, order_id } })
 */
export const recordFileDownloadWorkflow = createWorkflow(recordFileDownloadWorkflowId, (input: FileDownloadInput) => {
  const recorded = recordFileDownloadStep(input)
  emitEventStep({
    eventName: EntitlementEvents.FILE_DOWNLOADED,
    data: transform({ recorded }, ({ recorded }) => ({
      id: recorded.id,
      file_id: recorded.file_id,
      version_id: recorded.version_id,
      version: recorded.version,
      customer_id: recorded.customer_id,
      order_id: recorded.order_id,
    })),
  })
  return new WorkflowResponse(recorded)
})
