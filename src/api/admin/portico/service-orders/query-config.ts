import { serviceOrderIntakeFields } from "../../../shared/service-orders"

/** Fields of a service order in the admin's list (`GET /admin/portico/service-orders`). */
export const adminServiceOrderFields = [
  "id",
  "order_id",
  "order_display_id",
  "line_item_id",
  "unit_index",
  "units",
  "invoice_id",
  "customer_id",
  "email",
  "product_id",
  "variant_id",
  "title",
  "variant_title",
  "currency_code",
  "status",
  "start_status",
  "intake_form_id",
  "submitted_at",
  "completed_at",
  "canceled_at",
  "refund_amount",
  "refund_method",
  "created_at",
  "updated_at",
  "invoice.number",
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
]

/**
 * Fields of one service order for the admin (`GET /admin/portico/service-orders/:id`,
 * `POST …/:id/status`): the list's, the whole history (who moved it, notes)
 * and the intake submissions.
 */
export const adminServiceOrderDetailFields = [
  ...adminServiceOrderFields,
  "history.id",
  "history.from_status",
  "history.to_status",
  "history.actor_type",
  "history.actor_id",
  "history.note",
  "history.created_at",
  ...serviceOrderIntakeFields,
]
