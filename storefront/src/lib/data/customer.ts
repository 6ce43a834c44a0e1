"use server"

import type { HttpTypes } from "@medusajs/types"
import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { portico, sdk } from "@lib/config"
import { authHeaders, getCartId, removeAuthToken, setAuthToken } from "@lib/cookies"
import { forwardedFor } from "@lib/request-address"
import { errorCode, errorMessage, LOGIN_LINK_INVALID, RATE_LIMITED, type ActionState } from "@lib/util/errors"
import { loginHref, PORTAL_HOME, safeNext } from "@lib/util/portal"

/** The signed-in customer, or undefined. */
export async function retrieveCustomer(): Promise<HttpTypes.StoreCustomer | undefined> {
  const headers = await authHeaders()
  if (!headers.authorization) {
    return undefined
  }
  try {
    const { customer } = await sdk().store.customer.retrieve({}, headers)
    return customer
  } catch {
    return undefined
  }
}

/**
 * The signed-in customer; anyone else is sent to the portal's login page,
 * which brings them back to `path` (the page asked for) once signed in.
 */
export async function requireCustomer(path: string): Promise<HttpTypes.StoreCustomer> {
  const customer = await retrieveCustomer()
  if (!customer) {
    redirect(loginHref(path))
  }
  return customer
}

/** Gives the current (guest) cart to the customer who just signed in. */
async function transferCart() {
  const cartId = await getCartId()
  if (cartId) {
    await sdk()
      .store.cart.transferCart(cartId, {}, await authHeaders())
      .catch(() => undefined)
  }
}

/** Keeps the customer's token in the session cookie and gives them the cart in progress. */
async function startSession(token: string) {
  await setAuthToken(token)
  await transferCart()
}

/** HTTP status of a failed call (the js-sdk's `FetchError` and Portico's `PorticoApiError` both have one). */
function statusOf(e: unknown): number | undefined {
  const status = (e as { status?: unknown } | null)?.status
  return typeof status === "number" ? status : undefined
}

const TOO_MANY_LINKS = "Too many login links were asked for this email or from this network. Please wait a few minutes and try again."

/** Form action: signs a customer in with their password (accounts that have one), then opens `next`. */
export async function login(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const email = String(formData.get("email") || "").trim()
  const password = String(formData.get("password") || "")
  if (!email || !password) {
    return { error: "Enter your email and password.", values: { email } }
  }
  try {
    const token = await sdk().auth.login("customer", "emailpass", { email, password })
    if (typeof token !== "string") {
      throw new Error("This sign-in method needs a redirect, which this storefront does not support.")
    }
    await startSession(token)
  } catch (e) {
    return { error: errorMessage(e), values: { email } }
  }
  revalidatePath("/", "layout")
  redirect(safeNext(formData.get("next")))
}

/**
 * Form action: emails a login link (`POST /auth/customer/magic-link`). The
 * backend answers the same whether the email has an account or not, so the
 * page only ever says "check your email". Too many requests (`429
 * rate_limited`) are told in words.
 */
export async function requestLoginLink(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const email = String(formData.get("email") || "").trim()
  const rawNext = String(formData.get("next") || "")
  const next = safeNext(rawNext)
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    return { error: "Enter the email address you bought with.", values: { email } }
  }
  try {
    await sdk().client.fetch("/auth/customer/magic-link", {
      method: "POST",
      body: { email, ...(next !== PORTAL_HOME ? { next } : {}) },
      headers: await forwardedFor(),
    })
  } catch (e) {
    if (statusOf(e) === 429 || errorCode(e) === RATE_LIMITED) {
      return { error: TOO_MANY_LINKS, code: RATE_LIMITED, values: { email } }
    }
    return { error: errorMessage(e), values: { email } }
  }
  const sent = new URLSearchParams({ sent: "1", email })
  if (next !== PORTAL_HOME) {
    sent.set("next", next)
  }
  redirect(`${PORTAL_HOME}/login?${sent}`)
}

/**
 * Form action of the login link's page: only this POST consumes the link's
 * token (a mail scanner that opens the link burns nothing). The token gives a
 * JWT; `POST /store/portico/account` creates, upgrades or links the customer
 * of that email (and claims its guest orders); `POST /auth/token/refresh`
 * then gives the JWT that names the customer, kept in the session cookie.
 * Opens `next` when it is a path of this site, else the portal.
 */
export async function verifyLoginLink(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const token = String(formData.get("token") || "")
  if (!token) {
    return { error: "This login link is invalid or has expired.", code: LOGIN_LINK_INVALID }
  }
  try {
    const { token: jwt } = await sdk().client.fetch<{ token?: string }>("/auth/customer/magic-link", {
      method: "POST",
      body: { token },
      headers: await forwardedFor(),
    })
    if (typeof jwt !== "string") {
      throw new Error("Unexpected answer to the login link.")
    }
    const bearer = { authorization: `Bearer ${jwt}` }
    await portico().store.account.open({ headers: bearer })
    const refreshed = await sdk().auth.refresh(bearer)
    if ("mfa_required" in refreshed || "verification_required" in refreshed) {
      throw new Error("This account needs another sign-in step, which this storefront does not support.")
    }
    await startSession(refreshed.token)
  } catch (e) {
    if (statusOf(e) === 401 || errorCode(e) === LOGIN_LINK_INVALID) {
      return { error: "This login link is invalid or has expired.", code: LOGIN_LINK_INVALID }
    }
    if (statusOf(e) === 429 || errorCode(e) === RATE_LIMITED) {
      return { error: "Too many attempts. Please wait a few minutes and try again.", code: RATE_LIMITED }
    }
    return { error: errorMessage(e) }
  }
  revalidatePath("/", "layout")
  redirect(safeNext(formData.get("next")))
}

/** Form action: signs out (the session cookie is dropped; the JWT is not kept anywhere else). */
export async function logout() {
  await removeAuthToken()
  revalidatePath("/", "layout")
  redirect(`${PORTAL_HOME}/login`)
}
