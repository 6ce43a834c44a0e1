"use server"

import type { HttpTypes } from "@medusajs/types"
import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { sdk } from "@lib/config"
import { authHeaders, getCartId, removeAuthToken, setAuthToken } from "@lib/cookies"
import { errorMessage, type ActionState } from "@lib/util/errors"

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

/** Gives the current (guest) cart to the customer who just signed in. */
async function transferCart() {
  const cartId = await getCartId()
  if (cartId) {
    await sdk()
      .store.cart.transferCart(cartId, {}, await authHeaders())
      .catch(() => undefined)
  }
}

async function signIn(email: string, password: string) {
  const token = await sdk().auth.login("customer", "emailpass", { email, password })
  if (typeof token !== "string") {
    throw new Error("This sign-in method needs a redirect, which this storefront does not support.")
  }
  await setAuthToken(token)
  await transferCart()
}

/** Form action: signs a customer in. */
export async function login(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const email = String(formData.get("email") || "").trim()
  const password = String(formData.get("password") || "")
  if (!email || !password) {
    return { error: "Enter your email and password." }
  }
  try {
    await signIn(email, password)
  } catch (e) {
    return { error: errorMessage(e) }
  }
  revalidatePath("/", "layout")
  redirect("/account")
}

/** Form action: creates a customer account and signs it in. */
export async function register(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const email = String(formData.get("email") || "").trim()
  const password = String(formData.get("password") || "")
  const first_name = String(formData.get("first_name") || "").trim()
  const last_name = String(formData.get("last_name") || "").trim()
  if (!email || !password || !first_name || !last_name) {
    return { error: "Fill in your name, email and a password." }
  }
  if (password.length < 8) {
    return { error: "Choose a password of at least 8 characters." }
  }
  try {
    const registration = await sdk().auth.register("customer", "emailpass", { email, password })
    await sdk().store.customer.create(
      { email, first_name, last_name },
      {},
      { authorization: `Bearer ${registration}` }
    )
    await signIn(email, password)
  } catch (e) {
    return { error: errorMessage(e) }
  }
  revalidatePath("/", "layout")
  redirect("/account")
}

/** Form action: signs out. */
export async function logout() {
  await removeAuthToken()
  revalidatePath("/", "layout")
  redirect("/account")
}
