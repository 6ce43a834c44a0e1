/** Container key of Portico's service-order module. */
export const PORTICO_SERVICE_ORDER_MODULE = "porticoServiceOrder"

// Status words and transitions are part of Portico's contracts (shared with the admin and the storefront).
export {
  SERVICE_ORDER_STATUSES,
  SERVICE_ORDER_TRANSITIONS,
  ServiceOrderActor,
  ServiceOrderStatus,
  type ServiceOrderActorType,
  type ServiceOrderStatusType,
} from "../../contracts/statuses"

/** Events Portico emits about service orders and intake. */
export const ServiceOrderEvents = {
  /** `{ id, order_id, invoice_id, status }`, once per service order. */
  CREATED: "portico.service_order.created",
  /** `{ id, history_id, from, to, actor_type, actor_id, note }`. */
  STATUS_CHANGED: "portico.service_order.status_changed",
  /** `{ id, order_id, refund: { amount, currency_code, method: "credit" } | null }`. */
  CANCELED: "portico.service_order.canceled",
  /** `{ id (submission), service_order_id, form_id, version }`. */
  INTAKE_SUBMITTED: "portico.intake.submitted",
} as const
