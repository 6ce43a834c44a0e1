import "server-only"
import { cookies } from "next/headers"
import { ORDER_TOKEN_HEADER } from "medusa-plugin-portico/contracts"

const CART = "_portico_cart_id"
const REGION = "_portico_region_id"
const TOKEN = "_portico_jwt"
/** Prefix of a guest order's access token cookie: `_portico_order_<orderId>`. */
const ORDER_TOKEN = "_portico_order_"
/** The backend's order access token lives 60 minutes; its cookie no longer. */
const ORDER_TOKEN_MAX_AGE = 60 * 60

const base = {
  httpOnly: true,
  sameSite: "lax" as const,
  secure: process.env.NODE_ENV === "production" && process.env.PORTICO_INSECURE_COOKIES !== "true",
  path: "/",
}

export async function getCartId() {
  return (await cookies()).get(CART)?.value
}
export async function setCartId(id: string) {
  ;(await cookies()).set(CART, id, { ...base, maxAge: 60 * 60 * 24 * 30 })
}
export async function removeCartId() {
  ;(await cookies()).delete(CART)
}

export async function getRegionId() {
  return (await cookies()).get(REGION)?.value
}
export async function setRegionId(id: string) {
  ;(await cookies()).set(REGION, id, { ...base, maxAge: 60 * 60 * 24 * 365 })
}

export async function getAuthToken() {
  return (await cookies()).get(TOKEN)?.value
}
export async function setAuthToken(token: string) {
  ;(await cookies()).set(TOKEN, token, { ...base, maxAge: 60 * 60 * 24 * 7 })
}
export async function removeAuthToken() {
  ;(await cookies()).delete(TOKEN)
}

/** Authorization header for the signed-in customer, if any. */
export async function authHeaders(): Promise<Record<string, string>> {
  const token = await getAuthToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}

/**
 * Keeps the signed, short-lived access token the backend gave for an order
 * just placed (`order_access_token` of the completion), so the browser that
 * placed a guest order reads its invoice, payment instructions and service
 * orders for the next hour without an account.
 */
export async function setOrderToken(orderId: string, token: string) {
  ;(await cookies()).set(`${ORDER_TOKEN}${orderId}`, token, { ...base, maxAge: ORDER_TOKEN_MAX_AGE })
}

/** The orders this browser holds an access token for, with their tokens. */
export async function listOrderTokens(): Promise<{ orderId: string; token: string }[]> {
  return (await cookies())
    .getAll()
    .filter((c) => c.name.startsWith(ORDER_TOKEN) && c.name.length > ORDER_TOKEN.length && c.value)
    .map((c) => ({ orderId: c.name.slice(ORDER_TOKEN.length), token: c.value }))
}

/**
 * Headers to read one order's Portico resources: the signed-in customer's
 * token, plus the order's access token when this browser placed it (a guest
 * order; the backend ignores it for anyone else's order).
 */
export async function orderHeaders(orderId: string | undefined | null): Promise<Record<string, string>> {
  const headers = await authHeaders()
  const token = orderId ? (await cookies()).get(`${ORDER_TOKEN}${orderId}`)?.value : undefined
  return token ? { ...headers, [ORDER_TOKEN_HEADER]: token } : headers
}
