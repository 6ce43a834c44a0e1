import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"

export const recordFileDownloadStepId = "portico-record-file-download-step"

/** Who downloaded which version of a file. */
export type FileDownloadInput = {
  file_id: string
  version_id: string
  version: number
  filename: string
  customer_id: string | null
  email: string | null
  order_id: string | null
}

/** Writes one download record. Compensation deletes it. */
export const recordFileDownloadStep = createStep(
  recordFileDownloadStepId,
  async (input: FileDownloadInput, { container }) => {
    const row = await container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE).createFileDownloads(input)
    return new StepResponse({ id: row.id, ...input }, row.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE).deleteFileDownloads([id])
    }
  }
)
