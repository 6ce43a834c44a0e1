import type { CartCredit, OrderCreditRefund } from "../../contracts"
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
export type LedgerReason = "checkout" | "renewal" | "refund" | "grant" | "deduction" | "gift_card" | "other"

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

/** What an order can still refund (the contract's `OrderCreditRefund`). */
export type OrderCreditRefundState = OrderCreditRefund

/** A client's credit on a cart (the contract's `CartCredit`). */
export type CartCreditView = CartCredit
