import { PorticoErrorCode } from "medusa-plugin-portico/contracts"
import { errorCodeOf } from "medusa-plugin-portico/client"
import { formatMoney } from "./money"

/**
 * The words to show a client for a failed backend call: Medusa's own message
 * (e.g. "The promotion code X is invalid"), never a stack or "[object Object]".
 */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { message?: unknown; status?: unknown }
    if (typeof e.message === "string" && e.message.trim()) {
      return e.message
    }
  }
  return "Something went wrong. Please try again."
}

/** Portico's machine codes the storefront branches on. */
export const CURRENCY_MISMATCH = PorticoErrorCode.CURRENCY_MISMATCH
/**
 * The account credit a cart applied is no longer covered (the balance was
 * spent elsewhere meanwhile); the backend has already corrected the cart.
 */
export const INSUFFICIENT_CREDIT = PorticoErrorCode.INSUFFICIENT_CREDIT
/** A login link that is unknown, expired, already used or altered (401). */
export const LOGIN_LINK_INVALID = PorticoErrorCode.LOGIN_LINK_INVALID
/** Too many login links asked for one email or from one address (429). */
export const RATE_LIMITED = PorticoErrorCode.RATE_LIMITED

/** `insufficient_credit` in plain words, with the cart's new amount due. */
export function insufficientCreditMessage(amountDue: number, currencyCode: string): string {
  return `Your account credit changed; the amount due is now ${formatMoney(amountDue, currencyCode)}. Review and pay again.`
}

/*
 * The two messages Portico's currency lock answers `currency_mismatch` with
 * (src/utils/currency-lock.ts), for adding a service and for switching the
 * cart's region; read only to name the currencies in the hint:
 *   "X" is priced in EUR only, but this cart is in USD. All services in a cart must share one currency.
 *   This cart cannot switch to EUR: "X" is priced in USD only. Remove it first, or keep the cart's current currency.
 */
const MISMATCH_ON_ADD = /, but this cart is in ([A-Z]{3})\. All services in a cart must share one currency\.$/
const MISMATCH_ON_SWITCH = /^This cart cannot switch to ([A-Z]{3}): /

/**
 * The stable machine code of a failed backend call (e.g. `currency_mismatch`),
 * when there is one: read from the response body by Portico's client
 * (`PorticoApiError.code`). Calls whose refusal the storefront words itself
 * go through that client (`portico()`), core routes included, because the
 * js-sdk's `FetchError` keeps only the message, status and reason phrase.
 */
export function errorCode(error: unknown): string | undefined {
  return errorCodeOf(error)
}

/** The currencies a service is priced in, as the currency lock's message names them. */
function pricedIn(message: string): string[] {
  const m = / is priced in ([A-Z]{3}(?:(?:, | and )[A-Z]{3})*)/.exec(message)
  return m ? m[1].split(/, | and /) : []
}

/**
 * `currency_mismatch` in plain words: the backend's sentence (which names the
 * service and the currencies) and what the client can do about it.
 *
 * - `add`: the cart (in `cartCurrency`) refused a service priced in another
 *   currency.
 * - `switch`: the cart refused to move to another region's currency because
 *   of a service it holds; it stays in `cartCurrency`.
 */
export function currencyMismatchMessage(error: unknown, change: "add" | "switch", cartCurrency?: string): string {
  const message = errorMessage(error)
  const cart =
    cartCurrency?.toUpperCase() ||
    (change === "add" ? MISMATCH_ON_ADD.exec(message)?.[1] : undefined)
  if (change === "add") {
    const other = pricedIn(message)
    const target = other.length === 1 ? other[0] : "its currency"
    const cartText = cart ? `your ${cart} cart` : "your cart"
    return other.length
      ? `${message} To buy it, check out or empty ${cartText} first, then switch the region to ${target}.`
      : `${message} This service cannot be bought in ${cart ?? "this currency"}.`
  }
  const target = MISMATCH_ON_SWITCH.exec(message)?.[1]
  return `${message} Your cart${cart ? ` and prices stay in ${cart}` : " keeps its currency"}${
    target ? `: check out or empty the cart first to shop in ${target}.` : "."
  }`
}

/**
 * Result of a server action that a form shows. On an error, `values` carries
 * what the client typed, so the form (which React resets after an action)
 * shows it again instead of making them retype it; `code` is the backend's
 * machine code when the form words an error in its own way.
 */
export type ActionState = { error?: string; code?: string; ok?: boolean; values?: Record<string, string> } | null

/** The text fields of a submitted form, for `ActionState.values`. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  formData.forEach((value, key) => {
    if (typeof value === "string" && !key.startsWith("$ACTION")) {
      values[key] = value
    }
  })
  return values
}
