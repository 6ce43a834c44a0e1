import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const holdIntakeFilesStepId = "portico-hold-intake-files-step"

/**
 * Takes charge of the files an intake submission already stored (the upload
 * route streams them into private storage before the workflow runs): nothing
 * to do going forward; if any later step fails, the compensation deletes
 * them, so a refused or undone submission leaves no file behind.
 */
export const holdIntakeFilesStep = createStep(
  holdIntakeFilesStepId,
  async (input: { file_ids: string[] }) => new StepResponse(input.file_ids, input.file_ids),
  async (fileIds, { container }) => {
    if (fileIds?.length) {
      await container.resolve(Modules.FILE).deleteFiles(fileIds)
    }
  }
)
