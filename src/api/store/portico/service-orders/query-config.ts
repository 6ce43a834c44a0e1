import { serviceOrderIntakeFields } from "../../../shared/service-orders"

/**
 * Fields of a service order a client sees (`GET /store/portico/service-orders`,
 * `GET /store/portico/orders/:id/service-orders`): never the merchant's
 * (customer, invoice, refund, notes).
 */
export const storeServiceOrderFields = [
  "id",
  "order_id",
  "order_display_id",
  "line_item_id",
  "unit_index",
  "units",
  "product_id",
  "title",
  "variant_title",
  "status",
  "intake_form_id",
  "created_at",
  "updated_at",
]

/**
 * Fields of one service order for its client (`GET /store/portico/service-orders/:id`,
 * `POST …/:id/intake`): the status changes without who made them or notes, and
 * the intake submissions.
 */
export const storeServiceOrderDetailFields = [
  ...storeServiceOrderFields,
  "history.from_status",
  "history.to_status",
  "history.created_at",
  ...serviceOrderIntakeFields,
]
