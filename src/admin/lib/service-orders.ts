import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { porticoFetch } from "./api"
import type { IntakeState } from "./intake"
import { porticoKeys } from "./query-keys"

export type ServiceOrderStatus = "pending" | "submitted" | "working" | "complete" | "canceled"

/** Who made a status change. */
export type ServiceOrderActor = "system" | "customer" | "user"

/** A service order (one purchased unit of a service) as `GET /admin/portico/service-orders` lists it. */
export type AdminServiceOrder = {
  id: string
  order_id: string
  order_display_id: number | null
  line_item_id: string
  unit_index: number
  units: number
  product_id: string | null
  variant_id: string | null
  title: string
  variant_title: string | null
  status: ServiceOrderStatus
  start_status: "submitted" | "working"
  intake_form_id: string | null
  intake_required: boolean
  invoice_id: string | null
  invoice_number: string | null
  customer_id: string | null
  email: string | null
  customer: { id: string; email: string; first_name: string | null; last_name: string | null } | null
  submitted_at: string | null
  completed_at: string | null
  canceled_at: string | null
  created_at: string
  updated_at: string
}

/** One status change (the creation is the row without `from_status`). */
export type ServiceOrderHistoryEntry = {
  id: string
  from_status: ServiceOrderStatus | null
  to_status: ServiceOrderStatus
  actor_type: ServiceOrderActor
  actor_id: string | null
  note: string | null
  created_at: string
}

/** `GET /admin/portico/service-orders/:id`: the order with its history, intake and refund. */
export type AdminServiceOrderDetail = AdminServiceOrder & {
  history: ServiceOrderHistoryEntry[]
  intake: IntakeState
  refund: { amount: number; currency_code: string; method: "credit" } | null
  currency_code: string
}

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

export const SERVICE_ORDER_STATUSES = Object.keys(SERVICE_ORDER_STATUS) as ServiceOrderStatus[]

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
export function nextStatuses(status: ServiceOrderStatus, hasIntakeForm: boolean): ServiceOrderStatus[] {
  switch (status) {
    case "pending":
      return ["submitted", "working", "canceled"]
    case "submitted":
      return ["working", "complete", "canceled", ...(hasIntakeForm ? (["pending"] as const) : [])]
    case "working":
      return ["submitted", "complete", "canceled"]
    case "complete":
      return ["working"]
    case "canceled":
      return []
  }
}

/** What moving to a status means, shown under the status select. */
export const TRANSITION_HINT: Partial<Record<ServiceOrderStatus, string>> = {
  pending: "Asks the client to fill in the intake form again.",
  complete: "The work is delivered.",
  canceled: "Canceled for good: a canceled service order cannot be reopened.",
}

const baseUrl = import.meta.env.VITE_BACKEND_URL || "/"

/** The backend address of a file uploaded with a service order's intake (served with the admin session). */
export function serviceOrderFileUrl(serviceOrderId: string, fileId: string) {
  const base = new URL(baseUrl, window.location.origin).toString().replace(/\/?$/, "/")
  return new URL(`admin/portico/service-orders/${serviceOrderId}/files/${fileId}`, base).toString()
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
    queryFn: () =>
      porticoFetch<{ service_orders: AdminServiceOrder[]; count: number; limit: number; offset: number }>(
        "/admin/portico/service-orders",
        { query }
      ),
    placeholderData: keepPreviousData,
  })
}

/** One service order with its history, intake and refund. */
export function useServiceOrder(id: string | undefined) {
  return useQuery({
    queryKey: porticoKeys.serviceOrder(id ?? ""),
    queryFn: () => porticoFetch<{ service_order: AdminServiceOrderDetail }>(`/admin/portico/service-orders/${id}`),
    enabled: !!id,
  })
}
