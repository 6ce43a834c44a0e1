"use server"

import { sdk } from "@lib/config"
import { authHeaders } from "@lib/cookies"
import type { ServiceOrder, ServiceOrderDetail, ServiceOrderStatus } from "@lib/util/intake"

/**
 * An order's service orders (one per purchased unit), with the client's
 * credentials when signed in (a guest's order is reached by its id). The
 * backend creates them first when the order is paid and they are not there
 * yet. [] when the order has none or cannot be read: the order pages work
 * without them.
 */
export async function listOrderServiceOrders(orderId: string): Promise<ServiceOrder[]> {
  try {
    const { service_orders } = await sdk().client.fetch<{ service_orders: ServiceOrder[] }>(
      `/store/portico/orders/${encodeURIComponent(orderId)}/service-orders`,
      { headers: await authHeaders(), cache: "no-store" }
    )
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
  const { service_orders, count } = await sdk().client.fetch<{ service_orders: ServiceOrder[]; count: number }>(
    "/store/portico/service-orders",
    {
      query: { ...(status ? { status } : {}), ...(orderId ? { order_id: orderId } : {}), limit, offset },
      headers,
      cache: "no-store",
    }
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
    const { service_order } = await sdk().client.fetch<{ service_order: ServiceOrderDetail }>(
      `/store/portico/service-orders/${encodeURIComponent(id)}`,
      { headers: await authHeaders(), cache: "no-store" }
    )
    return service_order
  } catch (e) {
    if ((e as { status?: unknown } | null)?.status === 404) {
      return undefined
    }
    throw e
  }
}
