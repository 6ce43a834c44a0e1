"use server"

import { portico } from "@lib/config"
import { authHeaders, listOrderTokens, orderHeaders } from "@lib/cookies"
import type { ServiceOrder, ServiceOrderDetail, ServiceOrderStatus } from "@lib/util/intake"
import { isPorticoApiError } from "medusa-plugin-portico/client"
import { ORDER_TOKEN_HEADER } from "medusa-plugin-portico/contracts"

/**
 * An order's service orders (one per purchased unit), with the client's
 * credentials when signed in (a guest's order with the access token this
 * browser got when it placed it). The
 * backend creates them first when the order is paid and they are not there
 * yet. [] when the order has none or cannot be read: the order pages work
 * without them.
 */
export async function listOrderServiceOrders(orderId: string): Promise<ServiceOrder[]> {
  try {
    const { service_orders } = await portico().store.orders.serviceOrders(orderId, { headers: await orderHeaders(orderId), cache: "no-store" })
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
 * A service order with its history and intake (form and submission), for
 * the signed-in client or, failing that, through the access token of a guest
 * order this browser placed in the last hour (the page does not know the
 * order beforehand, so each token it holds is tried); undefined if not found
 * (or not the client's). Any other failure (backend unreachable) is thrown,
 * so the page says "try again" rather than "not found".
 */
export async function retrieveServiceOrder(id: string): Promise<ServiceOrderDetail | undefined> {
  const headers = await authHeaders()
  for (const extra of [{}, ...(await listOrderTokens()).map(({ token }) => ({ [ORDER_TOKEN_HEADER]: token }))]) {
    try {
      const { service_order } = await portico().store.serviceOrders.retrieve(id, { headers: { ...headers, ...extra }, cache: "no-store" })
      return service_order
    } catch (e) {
      if (!(isPorticoApiError(e) && (e.status === 404 || e.status === 401))) {
        throw e
      }
    }
  }
  return undefined
}
