"use server"

import { portico } from "@lib/config"
import { authHeaders } from "@lib/cookies"
import type { ServiceOrder, ServiceOrderDetail, ServiceOrderStatus } from "@lib/util/intake"
import { isPorticoApiError } from "medusa-plugin-portico/client"

/**
 * An order's service orders (one per purchased unit), with the client's
 * credentials when signed in (a guest's order is reached by its id). The
 * backend creates them first when the order is paid and they are not there
 * yet. [] when the order has none or cannot be read: the order pages work
 * without them.
 */
export async function listOrderServiceOrders(orderId: string): Promise<ServiceOrder[]> {
  try {
    const { service_orders } = await portico().store.orders.serviceOrders(orderId, { headers: await authHeaders(), cache: "no-store" })
    return service_orders
  } catch {
    return []
  }
}

/** A page of the signed-in client's service orders, newest first. */
export async function listServiceOrders({
  status,
  orderId,
  limit = 20,
  offset = 0,
}: {
  status?: ServiceOrderStatus
  orderId?: string
  limit?: number
  offset?: number
} = {}): Promise<{ service_orders: ServiceOrder[]; count: number }> {
  const headers = await authHeaders()
  if (!headers.authorization) {
    return { service_orders: [], count: 0 }
  }
  const { service_orders, count } = await portico().store.serviceOrders.list(
    { ...(status ? { status } : {}), ...(orderId ? { order_id: orderId } : {}), limit, offset },
    { headers, cache: "no-store" }
  )
  return { service_orders, count }
}

/**
 * A service order with its history and intake (form and submission);
 * undefined if not found (or not the client's). Any other failure (backend
 * unreachable) is thrown, so the page says "try again" rather than "not found".
 */
export async function retrieveServiceOrder(id: string): Promise<ServiceOrderDetail | undefined> {
  try {
    const { service_order } = await portico().store.serviceOrders.retrieve(id, { headers: await authHeaders(), cache: "no-store" })
    return service_order
  } catch (e) {
    if (isPorticoApiError(e) && e.status === 404) {
      return undefined
    }
    throw e
  }
}
