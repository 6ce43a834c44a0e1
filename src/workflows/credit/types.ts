/**
 * Shapes of account credit as Portico's routes answer them. Import-free, so
 * the admin extension shares them with the backend.
 */

/** A customer's credit account in one currency. */
export type CreditAccount = {
  id: string
  currency_code: string
  balance: number
  credits: number
  debits: number
}

/** Why a ledger entry exists, in words a merchant and a client understand. */
export type LedgerReason = "checkout" | "refund" | "grant" | "deduction" | "gift_card" | "other"

/** One ledger entry, with the balance right after it. */
export type LedgerEntry = {
  id: string
  /** ISO date-time. */
  created_at: string
  currency_code: string
  type: "credit" | "debit"
  /** Positive amount of the entry. */
  amount: number
  /** `+amount` for credits, `-amount` for debits. */
  signed_amount: number
  /** The account's balance right after this entry. */
  balance_after: number
  reason: LedgerReason
  note: string | null
  reference: string
  reference_id: string
  /** The order the entry belongs to (checkout debits and refunds). */
  order_id: string | null
  order_display_id: number | null
  invoice_number: string | null
}

/** What an order can still refund to the client's account credit. */
export type OrderCreditRefundState = {
  order_id: string
  customer_id: string | null
  currency_code: string
  /** Captured by payment providers. */
  captured: number
  /**
   * Authorized by a payment provider but not captured (nothing charged yet,
   * so nothing of it can be refunded): a manual or test provider (Medusa's
   * system provider, bank transfer) until the merchant captures the payment.
   */
  awaiting_capture: number
  /** The providers (ids, e.g. `pp_system_default`) of the payments awaiting capture. */
  awaiting_capture_providers: string[]
  /** Refunded through payment providers. */
  refunded_to_gateway: number
  /** Paid with account credit at checkout. */
  credit_used: number
  /** Already refunded to account credit. */
  refunded_to_credit: number
  /** `captured − refunded_to_gateway + credit_used − refunded_to_credit`, never below 0. */
  refundable: number
}

/** What the storefront shows about a cart's account credit. */
export type CartCreditView = {
  cart_id: string
  currency_code: string
  /** The client's switch for this cart. */
  enabled: boolean
  /** The client's balance in the cart's currency (before this cart). */
  balance: number
  /** Credit applied to the cart. */
  applied: number
  /** The cart's total before account credit. */
  total_before_credit: number
  /** What is left to pay with a payment method. */
  amount_due: number
}
