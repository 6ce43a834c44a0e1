import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  upsertServiceSettingsStep,
  type ServiceSettingsInput,
} from "../steps/upsert-service-settings"

export const upsertServiceSettingsWorkflowId = "portico-upsert-service-settings"

/**
 * Sets Portico's settings of one or more services (Medusa products): folder
 * and position, one-time or recurring billing, start status after intake, and
 * the intake/files/license-key options. Also how services are put into (or,
 * with `folder_id: null`, taken out of) folders.
 *
 * @example
 * await upsertServiceSettingsWorkflow(container).run({
 *   input: { settings: [{ product_id: "prod_…", billing_type: "recurring", interval: "month" }] },
 * })
 */
export const upsertServiceSettingsWorkflow = createWorkflow(
  upsertServiceSettingsWorkflowId,
  (input: { settings: ServiceSettingsInput[] }) => {
    return new WorkflowResponse(upsertServiceSettingsStep(input.settings))
  }
)
