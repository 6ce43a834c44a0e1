"use server"

import { revalidatePath } from "next/cache"
import { portico } from "@lib/config"
import { authHeaders, getCartId } from "@lib/cookies"
import type { CartCredit, CreditAccount, CreditTransaction } from "@lib/util/credit"
import { errorMessage, type ActionState } from "@lib/util/errors"

/**
 * The signed-in client's account credit on their cart, recomputed by the
 * backend first; undefined for guests, for a cart that is not theirs, or when
 * it cannot be read (checkout then works without credit).
 */
export async function retrieveCartCredit(cartId: string): Promise<CartCredit | undefined> {
  const headers = await authHeaders()
  if (!headers.authorization) {
    return undefined
  }
  try {
    const { credit } = await portico().store.carts.credit(cartId, { headers, cache: "no-store" })
    return credit
  } catch {
    return undefined
  }
}

/**
 * Switches the use of account credit on or off for the current cart (called
 * from the checkout's checkbox, outside the checkout form). The backend
 * applies it at once; the page is shown again with the new amount due.
 */
export async function setCartCreditEnabled(enabled: boolean): Promise<ActionState> {
  const cartId = await getCartId()
  if (!cartId) {
    return { error: "Your cart is empty." }
  }
  try {
    await portico().store.carts.setCredit(cartId, { enabled: !!enabled }, { headers: await authHeaders() })
  } catch (e) {
    return { error: errorMessage(e) }
  }
  revalidatePath("/", "layout")
  return { ok: true }
}

/** The signed-in client's credit accounts, one per currency ([] for guests). */
export async function listCreditAccounts(): Promise<CreditAccount[]> {
  const headers = await authHeaders()
  if (!headers.authorization) {
    return []
  }
  const { accounts } = await portico().store.credit.accounts({ headers, cache: "no-store" })
  return accounts
}

/** A page of the signed-in client's credit history, newest first. */
export async function listCreditTransactions({
  currency,
  limit = 20,
  offset = 0,
}: {
  currency?: string
  limit?: number
  offset?: number
}): Promise<{ transactions: CreditTransaction[]; count: number }> {
  const { transactions, count } = await portico().store.credit.transactions(
    { ...(currency ? { currency_code: currency } : {}), limit, offset },
    { headers: await authHeaders(), cache: "no-store" }
  )
  return { transactions, count }
}
