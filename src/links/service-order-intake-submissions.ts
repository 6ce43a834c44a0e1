import { defineLink } from "@medusajs/framework/utils"
import IntakeModule from "../modules/intake"
import ServiceOrderModule from "../modules/service-order"

/**
 * Read-only link service order → its intake submissions (by the submission's
 * `service_order_id`): `fields: ["intake_submissions.*"]`.
 */
export default defineLink(
  { linkable: ServiceOrderModule.linkable.serviceOrder, field: "id" },
  { ...IntakeModule.linkable.intakeSubmission.id, primaryKey: "service_order_id" },
  { readOnly: true, isList: true }
)
