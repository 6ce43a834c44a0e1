import { defineLink } from "@medusajs/framework/utils"
import IntakeModule from "../modules/intake"
import ServiceOrderModule from "../modules/service-order"

/** Read-only link intake submission → the service order it answers for (by `service_order_id`). */
export default defineLink(
  { linkable: IntakeModule.linkable.intakeSubmission, field: "service_order_id" },
  ServiceOrderModule.linkable.serviceOrder,
  { readOnly: true }
)
