import type { CartCredit, CreditTransaction } from "medusa-plugin-portico/contracts"

/**
 * Account credit, as the storefront shows it: the cart's and order's credit
 * lines, the client's accounts and their history in words. Pure helpers and
 * types; the calls live in `lib/data/credit.ts`.
 */

/** `reference` of the credit lines that spend the client's account credit. */
export const STORE_CREDIT_REFERENCE = "store-credit"

/** A credit line of a Medusa cart or order (not in Medusa's HTTP types). */
export type CreditLine = {
  id: string
  reference?: string | null
  reference_id?: string | null
  amount: number
}

/** The credit fields of a cart or order (`+credit_line_total,*credit_lines`). */
export type WithCreditLines = {
  credit_line_total?: number | null
  credit_lines?: (CreditLine | null)[] | null
}

/**
 * The account credit a cart or order applies, and any other credit (e.g. a
 * gift card of another plugin), both as positive amounts. Without the lines,
 * all of `credit_line_total` counts as account credit.
 */
export function creditOf(totals: WithCreditLines): { account: number; other: number } {
  const total = Number(totals.credit_line_total ?? 0)
  const lines = (totals.credit_lines ?? []).filter((l): l is CreditLine => !!l)
  if (!lines.length) {
    return { account: Math.max(total, 0), other: 0 }
  }
  const account = lines
    .filter((l) => l.reference === STORE_CREDIT_REFERENCE)
    .reduce((sum, l) => sum + Number(l.amount ?? 0), 0)
  return { account, other: Math.max(total - account, 0) }
}

/**
 * A cart as it will be charged: its account credit line set to what the
 * backend's credit view plans (`credit.applied`, from the balance and total
 * as they are now) and `total` moved by the difference. Portico brings the
 * cart's own credit line to that amount in the background a moment after a
 * change (and the checkout applies it exactly), so a page read right after
 * adding an item shows the amount the client will pay without waiting for it.
 * Other credit lines are kept; without a view the cart is returned as it is.
 */
export function withPlannedCredit<T extends WithCreditLines & { total?: number | null }>(
  cart: T,
  credit?: Pick<CartCredit, "applied"> | null
): T {
  if (!credit) {
    return cart
  }
  const now = creditOf(cart).account
  if (Math.abs(now - credit.applied) < 1e-9) {
    return cart
  }
  const others = (cart.credit_lines ?? []).filter((l): l is CreditLine => !!l && l.reference !== STORE_CREDIT_REFERENCE)
  const planned: CreditLine[] =
    credit.applied > 0 ? [{ id: "planned-store-credit", reference: STORE_CREDIT_REFERENCE, amount: credit.applied }] : []
  return {
    ...cart,
    credit_lines: [...others, ...planned],
    credit_line_total: Number(cart.credit_line_total ?? 0) - now + credit.applied,
    total: Number(cart.total ?? 0) + now - credit.applied,
  }
}

export type { CartCredit, CreditAccount, CreditReason, CreditTransaction } from "medusa-plugin-portico/contracts"

/**
 * The note to show beside a history entry: the merchant's (grants,
 * deductions, refunds). A checkout debit carries the store-credit plugin's
 * own wording ("Gift card usage"), which would only confuse the client.
 */
export function transactionNote(t: Pick<CreditTransaction, "reason" | "note">): string | null {
  return t.reason === "checkout" ? null : t.note?.trim() || null
}

/**
 * What a history entry was, in words: "Used for order #12 (INV-000012)",
 * "Refund for order #12", "Added by the store", "Deducted by the store".
 * The merchant's note is shown beside it, not in it.
 */
export function describeTransaction(t: Pick<CreditTransaction, "reason" | "type" | "order_display_id" | "invoice_number">): string {
  const order = t.order_display_id != null ? `order #${t.order_display_id}` : undefined
  switch (t.reason) {
    case "checkout":
      return order ? `Used for ${order}${t.invoice_number ? ` (${t.invoice_number})` : ""}` : "Used at checkout"
    case "renewal":
      return order ? `Subscription renewal, ${order}` : "Subscription renewal"
    case "refund":
      return order ? `Refund for ${order}` : "Refund of an order"
    case "grant":
      return "Added by the store"
    case "deduction":
      return "Deducted by the store"
    case "gift_card":
      return "Gift card redeemed"
    default:
      return t.type === "credit" ? "Credit added" : "Credit used"
  }
}
