"use server"

import { revalidatePath } from "next/cache"
import { portico } from "@lib/config"
import { authHeaders } from "@lib/cookies"
import { errorMessage, type ActionState } from "@lib/util/errors"
import type { Subscription, SubscriptionDetail, SubscriptionStatus } from "@lib/util/subscriptions"
import { isPorticoApiError } from "medusa-plugin-portico/client"
import type { StoreSubscriptionChangeBody } from "medusa-plugin-portico/contracts"

/** What the browser gets to confirm a card with Stripe.js: a client secret, or the refusal in words. */
export type StripeSecret = { client_secret: string; error?: undefined } | { client_secret?: undefined; error: string }

const ID = /^[A-Za-z0-9_-]{1,100}$/

/** The portal's pages that show a subscription, shown again after it changed. */
function refresh(subscriptionId: string) {
  revalidatePath(`/portal/subscriptions/${subscriptionId}`)
  revalidatePath("/portal/subscriptions")
  revalidatePath("/portal")
}

/** A page of the signed-in client's subscriptions, newest first (none for a visitor). */
export async function listSubscriptions({
  status,
  limit = 20,
  offset = 0,
}: { status?: SubscriptionStatus[]; limit?: number; offset?: number } = {}): Promise<{ subscriptions: Subscription[]; count: number }> {
  const headers = await authHeaders()
  if (!headers.authorization) {
    return { subscriptions: [], count: 0 }
  }
  const { subscriptions, count } = await portico().store.subscriptions.list(
    { limit, offset, ...(status?.length ? { status } : {}) },
    { headers, cache: "no-store" }
  )
  return { subscriptions, count }
}

/**
 * One of the signed-in client's subscriptions with its renewals; undefined
 * when it is not theirs or does not exist. Any other failure (backend
 * unreachable) is thrown, so the page says "try again" rather than "not found".
 */
export async function retrieveSubscription(id: string): Promise<SubscriptionDetail | undefined> {
  if (!ID.test(id)) {
    return undefined
  }
  try {
    const { subscription } = await portico().store.subscriptions.retrieve(id, { headers: await authHeaders(), cache: "no-store" })
    return subscription
  } catch (e) {
    if (isPorticoApiError(e) && (e.status === 404 || e.status === 401)) {
      return undefined
    }
    throw e
  }
}

/**
 * Cancels (now, or at the end of the paid period), undoes a cancel, pauses
 * (until an optional date) or resumes one of the client's subscriptions. The
 * backend decides what is allowed; its refusal comes back in its words.
 */
export async function changeSubscription(subscriptionId: string, change: StoreSubscriptionChangeBody): Promise<ActionState> {
  if (!ID.test(String(subscriptionId))) {
    return { error: "This subscription was not found." }
  }
  try {
    await portico().store.subscriptions.change(subscriptionId, change, { headers: await authHeaders() })
  } catch (e) {
    return { error: errorMessage(e) }
  }
  refresh(subscriptionId)
  return { ok: true }
}

/**
 * Starts paying an unpaid renewal by card: the backend's payment session,
 * whose client secret Stripe.js confirms with the card typed in the page.
 */
export async function startRenewalPayment(subscriptionId: string, renewalId: string): Promise<StripeSecret> {
  if (!ID.test(String(subscriptionId)) || !ID.test(String(renewalId))) {
    return { error: "This renewal was not found." }
  }
  try {
    const { payment_session } = await portico().store.subscriptions.payRenewal(subscriptionId, renewalId, {}, { headers: await authHeaders() })
    const secret = payment_session.data?.client_secret
    if (!secret) {
      return { error: "The card payment could not be started. Please try again." }
    }
    return { client_secret: secret }
  } catch (e) {
    return { error: errorMessage(e) }
  }
}

/** After Stripe.js confirmed the card payment: the backend records the renewal as paid. */
export async function completeRenewalPayment(subscriptionId: string, renewalId: string): Promise<ActionState> {
  if (!ID.test(String(subscriptionId)) || !ID.test(String(renewalId))) {
    return { error: "This renewal was not found." }
  }
  try {
    await portico().store.subscriptions.completeRenewal(subscriptionId, renewalId, { headers: await authHeaders() })
  } catch (e) {
    refresh(subscriptionId)
    return { error: errorMessage(e) }
  }
  refresh(subscriptionId)
  return { ok: true }
}

/** Starts saving a new card for a subscription: a Stripe SetupIntent's client secret for Stripe.js. */
export async function startCardSetup(subscriptionId: string): Promise<StripeSecret> {
  if (!ID.test(String(subscriptionId))) {
    return { error: "This subscription was not found." }
  }
  try {
    const { setup } = await portico().store.subscriptions.setupCard(subscriptionId, { headers: await authHeaders() })
    return { client_secret: setup.client_secret }
  } catch (e) {
    return { error: errorMessage(e) }
  }
}

/**
 * The card Stripe.js just saved becomes the subscription's card (the backend
 * checks it is on the client's Stripe customer; an unpaid renewal is charged
 * with it at once).
 */
export async function saveSubscriptionCard(subscriptionId: string, paymentMethodId: string): Promise<ActionState> {
  if (!ID.test(String(subscriptionId)) || !ID.test(String(paymentMethodId))) {
    return { error: "The card could not be saved. Please try again." }
  }
  try {
    await portico().store.subscriptions.setPaymentMethod(subscriptionId, { payment_method_id: paymentMethodId }, { headers: await authHeaders() })
  } catch (e) {
    refresh(subscriptionId)
    return { error: errorMessage(e) }
  }
  refresh(subscriptionId)
  return { ok: true }
}
