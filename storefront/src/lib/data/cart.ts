"use server"

import type { HttpTypes } from "@medusajs/types"
import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { portico, sdk } from "@lib/config"
import { authHeaders, getCartId, removeCartId, setCartId, setOrderToken } from "@lib/cookies"
import { creditOf, withPlannedCredit, type CartCredit, type WithCreditLines } from "@lib/util/credit"
import { normalizeProvince, provinceField } from "@lib/util/address"
import {
  CURRENCY_MISMATCH,
  currencyMismatchMessage,
  errorCode,
  errorMessage,
  formValues,
  INSUFFICIENT_CREDIT,
  insufficientCreditMessage,
  type ActionState,
} from "@lib/util/errors"
import { formatMoney } from "@lib/util/money"
import type { CompletedOrderExtras } from "medusa-plugin-portico/contracts"
import { retrieveCartCredit } from "./credit"
import { getCurrentRegion } from "./regions"

// The account credit the cart applies comes as a credit line; `total` is
// what is left to pay after it.
const CART_FIELDS =
  "*items,*items.variant,*items.product,*promotions,*region,*region.countries,+items.total,+items.subtotal,+discount_subtotal,+credit_line_total,*credit_lines"

/** A cart with the credit it applies. */
type Cart = HttpTypes.StoreCart & WithCreditLines

/**
 * The client's current cart, or undefined when they have none (or it is
 * gone). Reads never write: the cart's account credit line follows changes a
 * moment later (see `retrieveCartWithCredit` for the totals to show).
 */
export async function retrieveCart(): Promise<Cart | undefined> {
  const id = await getCartId()
  if (!id) {
    return undefined
  }
  try {
    const { cart } = await sdk().store.cart.retrieve(id, { fields: CART_FIELDS }, await authHeaders())
    return cart.completed_at ? undefined : (cart as Cart)
  } catch {
    return undefined
  }
}

/**
 * The current cart with its totals as the client will be charged, and the
 * signed-in client's credit view: the account credit the backend computes
 * from the balance and total as they are now is shown (`withPlannedCredit`),
 * not the cart's credit line, which the backend brings to it in the
 * background a moment after each change. For pages that show the amount due
 * (cart, checkout); the view is undefined for guests.
 */
export async function retrieveCartWithCredit(): Promise<{ cart?: Cart; credit?: CartCredit }> {
  const id = await getCartId()
  if (!id) {
    return {}
  }
  const [cart, credit] = await Promise.all([retrieveCart(), retrieveCartCredit(id)])
  if (!cart) {
    return {}
  }
  return { cart: withPlannedCredit(cart, credit), credit }
}

/** The current cart, created in the client's region on first use. */
async function getOrCreateCart(): Promise<HttpTypes.StoreCart> {
  const existing = await retrieveCart()
  if (existing) {
    return existing
  }
  const region = await getCurrentRegion()
  if (!region) {
    throw new Error("This store has no region to sell in yet.")
  }
  const { cart } = await sdk().store.cart.create(
    {
      region_id: region.id,
      // The region's first country, so taxes are estimated before checkout.
      shipping_address: { country_code: region.countries?.[0]?.iso_2 ?? undefined },
    },
    {},
    await authHeaders()
  )
  await setCartId(cart.id)
  return cart
}

/**
 * Form action: adds `quantity` of `variant_id` to the cart. A service with no
 * price in the cart's currency is refused by the backend (`currency_mismatch`,
 * the cart is left as it was); the client is told why and what to do.
 */
export async function addToCart(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const variantId = String(formData.get("variant_id") || "")
  const quantity = Number(formData.get("quantity") || 1)
  if (!variantId) {
    return { error: "Choose an option first." }
  }
  if (!Number.isInteger(quantity) || quantity < 1) {
    return { error: "Quantity must be a whole number of at least 1." }
  }
  let cart: HttpTypes.StoreCart | undefined
  try {
    cart = await getOrCreateCart()
    await portico().store.carts.addLineItem(cart.id, { variant_id: variantId, quantity }, { headers: await authHeaders() })
  } catch (e) {
    const code = errorCode(e)
    if (code === CURRENCY_MISMATCH) {
      // The page was shown in another currency than the cart's (another tab
      // changed it): show it again as it is now, beside the explanation.
      revalidatePath("/", "layout")
      return { error: currencyMismatchMessage(e, "add", cart?.currency_code), code }
    }
    return { error: errorMessage(e), code }
  }
  revalidatePath("/", "layout")
  return { ok: true }
}

/** Form action: sets a line's quantity (0 removes it). */
export async function updateLineItem(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const lineId = String(formData.get("line_id") || "")
  const quantity = Number(formData.get("quantity"))
  const cartId = await getCartId()
  if (!cartId || !lineId) {
    return { error: "This cart no longer exists." }
  }
  if (!Number.isInteger(quantity) || quantity < 0) {
    return { error: "Quantity must be a whole number." }
  }
  try {
    if (quantity === 0) {
      await sdk().store.cart.deleteLineItem(cartId, lineId, {}, await authHeaders())
    } else {
      await sdk().store.cart.updateLineItem(cartId, lineId, { quantity }, {}, await authHeaders())
    }
  } catch (e) {
    return { error: errorMessage(e) }
  }
  revalidatePath("/", "layout")
  return { ok: true }
}

/** Form action: applies a coupon code. */
export async function applyCoupon(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const code = String(formData.get("code") || "").trim()
  const cartId = await getCartId()
  if (!cartId) {
    return { error: "Your cart is empty." }
  }
  if (!code) {
    return { error: "Enter a coupon code." }
  }
  try {
    const { cart } = await portico().store.carts.addPromotions(
      cartId,
      { promo_codes: [code] },
      { query: { fields: "*promotions" }, headers: await authHeaders() }
    )
    // A code that exists but does not apply to this cart is dropped silently: say so.
    if (!cart.promotions?.some((p) => p.code?.toLowerCase() === code.toLowerCase())) {
      return { error: `The coupon code “${code}” is not valid for this cart.`, values: { code } }
    }
  } catch (e) {
    return { error: errorMessage(e), values: { code } }
  }
  revalidatePath("/", "layout")
  return { ok: true }
}

/** Form action: removes an applied coupon code. */
export async function removeCoupon(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const code = String(formData.get("code") || "")
  const cartId = await getCartId()
  if (!cartId) {
    return { error: "Your cart is empty." }
  }
  try {
    await portico().store.carts.removePromotions(cartId, { promo_codes: [code] }, { headers: await authHeaders() })
  } catch (e) {
    return { error: errorMessage(e) }
  }
  revalidatePath("/", "layout")
  return { ok: true }
}

/** Methods that are paid later (the order waits for the money): offered after those paid now. */
const PAID_LATER = /^pp_bank_transfer_/

/** Payment providers the cart's region offers, those paid at checkout first. */
export async function listPaymentProviders(regionId: string) {
  const { payment_providers } = await sdk().store.payment.listPaymentProviders(
    { region_id: regionId },
    await authHeaders()
  )
  return [...payment_providers].sort((a, b) => Number(PAID_LATER.test(a.id)) - Number(PAID_LATER.test(b.id)))
}

/** The checkout form, read and checked. */
type CheckoutInput = {
  cartId: string
  email: string
  providerId: string
  /** The account credit the page applied (`shown_credit`). */
  shownCredit: number
  address: HttpTypes.StoreAddAddress & { country_code: string }
  /** What the client typed, to show it again after a refusal. */
  values: Record<string, string>
}

/** Reads the checkout form; a refusal in words when something is missing. */
async function readCheckoutForm(formData: FormData): Promise<CheckoutInput | { refusal: ActionState }> {
  const cartId = await getCartId()
  if (!cartId) {
    return { refusal: { error: "Your cart is empty." } }
  }
  const field = (name: string) => String(formData.get(name) || "").trim()
  const email = field("email")
  const address = {
    first_name: field("first_name"),
    last_name: field("last_name"),
    company: field("company") || undefined,
    address_1: field("address_1"),
    city: field("city"),
    postal_code: field("postal_code"),
    country_code: field("country_code"),
    // A US state / Canadian province from the list (required there); free text elsewhere.
    province: normalizeProvince(field("country_code"), field("province")) || undefined,
  }
  const values = formValues(formData)
  const provinceAsked = provinceField(address.country_code)
  const missing = [
    ["email", email],
    ["first name", address.first_name],
    ["last name", address.last_name],
    ["address", address.address_1],
    ["city", address.city],
    ["postal code", address.postal_code],
    ["country", address.country_code],
    ...(provinceAsked.required ? [[provinceAsked.label.toLowerCase(), address.province]] : []),
  ]
    .filter(([, v]) => !v)
    .map(([k]) => k)
  if (missing.length) {
    return { refusal: { error: `Please fill in: ${missing.join(", ")}.`, values } }
  }
  return {
    cartId,
    email,
    providerId: field("provider_id"),
    shownCredit: Number(field("shown_credit") || 0),
    address,
    values,
  }
}

type StorePaymentSession = HttpTypes.StorePaymentSession

/** What the checkout saved: the amount due and, when there is one, the payment session for it. */
type Prepared = { due: number; currencyCode: string; session?: StorePaymentSession }

/**
 * Saves email and billing address (also used as the address taxes are
 * computed from), reads the cart again with the account credit it can apply
 * now (refused when that is less than the page showed) and, when something
 * is left to pay, starts a payment session with the chosen provider for it
 * (the backend applies the credit first). With `reuse`, a session the cart
 * already has with that provider for that very amount is kept instead (a
 * retry: a card payment already confirmed in the browser must not be
 * replaced by a new one). Refusals come back in words; throws on a failed
 * backend call.
 */
async function prepareCart(input: CheckoutInput, reuse: boolean): Promise<Prepared | { refusal: ActionState }> {
  const { cartId, email, address, providerId, shownCredit, values } = input
  const headers = await authHeaders()
  await portico().store.carts.update(cartId, { email, billing_address: address, shipping_address: address }, { headers })
  // Read it again (the address can change the taxes) with what the account
  // credit gives now: reads only read, so the credit a signed-in client can
  // spend comes from the computed view (balance and total as they are now),
  // not from the cart's credit line, which follows changes a moment later.
  const [{ cart }, credit] = await Promise.all([
    sdk().store.cart.retrieve(
      cartId,
      { fields: "*items,*payment_collection,*payment_collection.payment_sessions,+credit_line_total,*credit_lines" },
      headers
    ),
    retrieveCartCredit(cartId),
  ])
  const fresh = cart as Cart
  if (!fresh.items?.length) {
    return { refusal: { error: "Your cart is empty." } }
  }
  const due = credit ? credit.amount_due : Number(fresh.total ?? 0)
  const applied = credit ? credit.applied : creditOf(fresh).account
  if (due <= 0) {
    return { due, currencyCode: fresh.currency_code }
  }
  if (shownCredit - applied > 1e-9) {
    // The client reviews the cart as it is now: its credit line is brought
    // to what the balance covers (the same switch the checkbox uses) before
    // the page is shown again.
    await portico().store.carts.setCredit(cartId, { enabled: true }, { headers }).catch(() => undefined)
    revalidatePath("/", "layout")
    return { refusal: { error: insufficientCreditMessage(due, fresh.currency_code), code: INSUFFICIENT_CREDIT, values } }
  }
  if (!providerId) {
    // E.g. the page showed nothing to pay, and the address raised the taxes beyond the credit.
    revalidatePath("/", "layout")
    return { refusal: { error: `The amount due is ${formatMoney(due, fresh.currency_code)}: choose a payment method.`, values } }
  }
  const sameSession = (s: StorePaymentSession) =>
    s.provider_id === providerId &&
    Math.abs(Number(s.amount) - due) < 1e-9 &&
    s.currency_code?.toLowerCase() === fresh.currency_code.toLowerCase()
  const kept = reuse ? fresh.payment_collection?.payment_sessions?.find(sameSession) : undefined
  if (kept) {
    return { due, currencyCode: fresh.currency_code, session: kept }
  }
  const { payment_collection } = await portico().store.carts.initiatePaymentSession(fresh, { provider_id: providerId }, { headers })
  const session = payment_collection.payment_sessions?.find((s) => s.provider_id === providerId)
  return { due, currencyCode: fresh.currency_code, session }
}

/**
 * A failed backend call during checkout, in words. `insufficient_credit`
 * (the backend already corrected the cart's credit) names the new amount due.
 */
async function checkoutRefusal(e: unknown, values?: Record<string, string>): Promise<ActionState> {
  if (errorCode(e) === INSUFFICIENT_CREDIT) {
    const { cart: now } = await retrieveCartWithCredit()
    revalidatePath("/", "layout")
    return {
      error: now ? insufficientCreditMessage(Number(now.total ?? 0), now.currency_code) : errorMessage(e),
      code: INSUFFICIENT_CREDIT,
      values,
    }
  }
  return { error: errorMessage(e), code: errorCode(e), values }
}

/**
 * Completes the current cart with the payment it holds, forgets the cart and
 * sends the client to the confirmation page; a refusal comes back in words
 * and leaves the cart as it was. The completion's `order_access_token` (a
 * signed token valid an hour for that order) is kept in an httpOnly cookie,
 * so this browser reads a guest order's invoice, payment instructions and
 * service orders without an account.
 */
async function finishOrder(cartId: string, values?: Record<string, string>): Promise<ActionState> {
  let orderId: string
  let accessToken: unknown
  try {
    const result = await portico().store.carts.complete(cartId, { headers: await authHeaders() })
    if (result.type !== "order") {
      return { error: errorMessage(result.error), values }
    }
    orderId = result.order.id
    accessToken = (result as Partial<CompletedOrderExtras>).order_access_token
  } catch (e) {
    return checkoutRefusal(e, values)
  }
  if (typeof accessToken === "string" && accessToken) {
    await setOrderToken(orderId, accessToken)
  }
  await removeCartId()
  revalidatePath("/", "layout")
  redirect(`/order/${orderId}/confirmed`)
}

/**
 * Form action: places the order in one step, for payment methods that need
 * nothing in the browser (the test payment, bank transfer). Sets email and
 * billing address (also used as the address taxes are computed from), reads
 * the cart again (the backend recomputes the account credit it applies),
 * starts a payment session with the chosen provider for what is left to pay,
 * completes the cart and sends the client to the confirmation page. When
 * account credit covers the whole cart nothing is left to pay: no payment
 * method is needed and none is set up.
 *
 * The client is never charged more than the checkout showed them because
 * their credit shrank meanwhile (`shown_credit`, the credit the page applied):
 * they are told the new amount due and review it first. The backend refuses a
 * completion whose credit is no longer covered (`insufficient_credit`, the
 * balance was spent in between) the same way. Any other refusal comes back in
 * words, and the cart is left as it was for another try.
 */
export async function placeOrder(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const input = await readCheckoutForm(formData)
  if ("refusal" in input) {
    return input.refusal
  }
  try {
    const prepared = await prepareCart(input, false)
    if ("refusal" in prepared) {
      return prepared.refusal
    }
  } catch (e) {
    return checkoutRefusal(e, input.values)
  }
  return finishOrder(input.cartId, input.values)
}

/**
 * What `preparePayment` answers: the payment session the browser finishes
 * (`data`: Stripe's PaymentIntent with `client_secret`, `id` and `status`;
 * PayPal's order with `id`), for `amount` in `currency_code`, or a refusal in
 * words with what the client typed.
 */
export type PreparedPayment =
  | { provider_id: string; data: Record<string, unknown>; amount: number; currency_code: string }
  | { error: string; code?: string; values?: Record<string, string> }

/**
 * Server action, first step of a payment the browser finishes (card with
 * Stripe, PayPal): does everything `placeOrder` does up to and including
 * starting the payment session, but does not complete the cart. A session
 * the cart already has with the same provider for the same amount is reused
 * (a retry after the card was confirmed but the order not placed). The
 * browser then confirms the payment with the provider and calls
 * `completeOrder`.
 *
 * When the saved address leaves nothing to pay any more (account credit
 * covers it), nothing is set up: the client is asked to review the page,
 * which then places the order without a payment method.
 */
export async function preparePayment(formData: FormData): Promise<PreparedPayment> {
  const input = await readCheckoutForm(formData)
  if ("refusal" in input) {
    return { ...input.refusal, error: input.refusal?.error ?? "Something went wrong. Please try again." }
  }
  const { values } = input
  try {
    const prepared = await prepareCart(input, true)
    if ("refusal" in prepared) {
      return { ...prepared.refusal, error: prepared.refusal?.error ?? "Something went wrong. Please try again." }
    }
    if (prepared.due <= 0) {
      revalidatePath("/", "layout")
      return { error: "Nothing is left to pay for this order now. Review it and place the order again.", values }
    }
    if (!prepared.session) {
      return { error: "The payment could not be started. Please try again.", values }
    }
    return {
      provider_id: prepared.session.provider_id,
      data: (prepared.session.data ?? {}) as Record<string, unknown>,
      amount: prepared.due,
      currency_code: prepared.currencyCode,
    }
  } catch (e) {
    const refusal = await checkoutRefusal(e, values)
    return { ...refusal, error: refusal?.error ?? "Something went wrong. Please try again." }
  }
}

/**
 * Server action, last step of a payment the browser finished (after
 * `preparePayment` and the provider's confirmation): completes the cart,
 * forgets it and sends the client to `/order/<id>/confirmed`. A refusal
 * (e.g. `payment_declined`, `payment_requires_action`, `insufficient_credit`)
 * comes back in words and leaves the cart as it was for another try.
 */
export async function completeOrder(): Promise<ActionState> {
  const cartId = await getCartId()
  if (!cartId) {
    return { error: "Your cart is empty." }
  }
  return finishOrder(cartId)
}
