import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { portico } from "@lib/config"

/*
 * Medusa's cart routes whose refusals the storefront words itself
 * (`currency_mismatch` from Portico's currency lock, `insufficient_credit`,
 * `payment_declined`, …), called through Portico's client so that a refusal
 * keeps the body's `code` (the js-sdk's `FetchError` keeps only the message).
 * Same routes and bodies as the js-sdk's `store.cart` / `store.payment`.
 */

const cartPath = (cartId: string) => `/store/carts/${encodeURIComponent(cartId)}`

/** `POST /store/carts/:id`: updates the cart (region, email, addresses). */
export function updateCart(cartId: string, body: HttpTypes.StoreUpdateCart, headers: Record<string, string>) {
  return portico().fetch<HttpTypes.StoreCartResponse>(cartPath(cartId), { method: "POST", body, headers })
}

/** `POST /store/carts/:id/line-items`: adds a variant to the cart. */
export function addLineItem(cartId: string, body: HttpTypes.StoreAddCartLineItem, headers: Record<string, string>) {
  return portico().fetch<HttpTypes.StoreCartResponse>(`${cartPath(cartId)}/line-items`, { method: "POST", body, headers })
}

/** `POST /store/carts/:id/complete`: places the order (or answers the cart with an error). */
export function completeCart(cartId: string, headers: Record<string, string>) {
  return portico().fetch<HttpTypes.StoreCompleteCartResponse>(`${cartPath(cartId)}/complete`, { method: "POST", headers })
}

/**
 * Starts a payment session with `provider_id` for the cart, creating its
 * payment collection first when it has none (as the js-sdk's
 * `store.payment.initiatePaymentSession` does).
 */
export async function initiatePaymentSession(
  cart: Pick<HttpTypes.StoreCart, "id" | "payment_collection">,
  body: HttpTypes.StoreInitializePaymentSession,
  headers: Record<string, string>
) {
  let collectionId = cart.payment_collection?.id
  if (!collectionId) {
    const { payment_collection } = await portico().fetch<HttpTypes.StorePaymentCollectionResponse>("/store/payment-collections", {
      method: "POST",
      body: { cart_id: cart.id },
      headers,
    })
    collectionId = payment_collection.id
  }
  return portico().fetch<HttpTypes.StorePaymentCollectionResponse>(
    `/store/payment-collections/${encodeURIComponent(collectionId)}/payment-sessions`,
    { method: "POST", body, headers }
  )
}
