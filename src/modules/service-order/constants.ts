/** Container key of Portico's service-order module. */
export const PORTICO_SERVICE_ORDER_MODULE = "porticoServiceOrder"

/** Statuses of a service order. */
export const ServiceOrderStatus = {
  PENDING: "pending",
  SUBMITTED: "submitted",
  WORKING: "working",
  COMPLETE: "complete",
  CANCELED: "canceled",
} as const
export type ServiceOrderStatusType = (typeof ServiceOrderStatus)[keyof typeof ServiceOrderStatus]
export const SERVICE_ORDER_STATUSES = Object.values(ServiceOrderStatus) as [
  ServiceOrderStatusType,
  ...ServiceOrderStatusType[],
]

/**
 * Where each status may go. `submitted → pending` asks the client for intake
 * again (only for a service order with a form); `complete → working` reopens;
 * `canceled` is final.
 */
export const SERVICE_ORDER_TRANSITIONS: Record<ServiceOrderStatusType, readonly ServiceOrderStatusType[]> = {
  pending: ["submitted", "working", "canceled"],
  submitted: ["working", "complete", "canceled", "pending"],
  working: ["submitted", "complete", "canceled"],
  complete: ["working"],
  canceled: [],
}

/** Who moved a service order. */
export const ServiceOrderActor = {
  SYSTEM: "system",
  CUSTOMER: "customer",
  USER: "user",
} as const
export type ServiceOrderActorType = (typeof ServiceOrderActor)[keyof typeof ServiceOrderActor]

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
