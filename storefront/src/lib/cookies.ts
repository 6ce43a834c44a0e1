import "server-only"
import { cookies } from "next/headers"

const CART = "_portico_cart_id"
const REGION = "_portico_region_id"
const TOKEN = "_portico_jwt"

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
