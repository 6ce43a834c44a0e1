import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { nextServiceOrderStatuses, type ServiceOrderActorType, type ServiceOrderStatusType } from "../../contracts/statuses"
import type { AdminServiceOrder } from "../../contracts/http"
import { portico } from "./api"
import { porticoKeys } from "./query-keys"

export type ServiceOrderStatus = ServiceOrderStatusType
/** Who made a status change. */
export type ServiceOrderActor = ServiceOrderActorType
export type { AdminServiceOrder, AdminServiceOrderDetail, ServiceOrderHistoryEntry } from "../../contracts/http"

/** Badge colour and label of each status, in work-queue order. */
export const SERVICE_ORDER_STATUS: Record<
  ServiceOrderStatus,
  { label: string; color: "orange" | "blue" | "purple" | "green" | "grey" }
> = {
  pending: { label: "Pending", color: "orange" },
  submitted: { label: "Submitted", color: "blue" },
  working: { label: "Working", color: "purple" },
  complete: { label: "Complete", color: "green" },
  canceled: { label: "Canceled", color: "grey" },
}

export { SERVICE_ORDER_STATUSES } from "../../contracts/statuses"

/** Who made a change, in the merchant's words. */
export const ACTOR_LABEL: Record<ServiceOrderActor, string> = {
  system: "System",
  customer: "Client",
  user: "Merchant",
}

/**
 * The statuses a service order can move to (the server's transition table):
 * back to pending only asks the client for intake again, so only when the
 * service order has a form.
 */
export const nextStatuses = nextServiceOrderStatuses

/** What moving to a status means, shown under the status select. */
export const TRANSITION_HINT: Partial<Record<ServiceOrderStatus, string>> = {
  pending: "Asks the client to fill in the intake form again.",
  complete: "The work is delivered.",
  canceled: "Canceled for good: a canceled service order cannot be reopened.",
}

/** The backend address of a file uploaded with a service order's intake (served with the admin session). */
export function serviceOrderFileUrl(serviceOrderId: string, fileId: string) {
  return portico.admin.serviceOrders.fileUrl(serviceOrderId, fileId)
}

/** "Unit 1 of 2" for a line bought several times; nothing for a single unit. */
export function unitLabel(order: Pick<AdminServiceOrder, "unit_index" | "units">) {
  return order.units > 1 ? `Unit ${order.unit_index} of ${order.units}` : null
}

/** The work queue's filters, as `GET /admin/portico/service-orders` takes them. */
export type ServiceOrderQuery = {
  status?: string
  product_id?: string
  customer_id?: string
  order_id?: string
  order: "-created_at" | "created_at"
  limit: number
  offset: number
}

/** A page of service orders. */
export function useServiceOrders(query: ServiceOrderQuery) {
  return useQuery({
    queryKey: [...porticoKeys.serviceOrders, "list", query],
    queryFn: () => portico.admin.serviceOrders.list(query),
    placeholderData: keepPreviousData,
  })
}

/** One service order with its history, intake and refund. */
export function useServiceOrder(id: string | undefined) {
  return useQuery({
    queryKey: porticoKeys.serviceOrder(id ?? ""),
    queryFn: () => portico.admin.serviceOrders.retrieve(id!),
    enabled: !!id,
  })
}
