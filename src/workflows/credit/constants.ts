/**
 * Account credit is the store-credit module of `@medusajs/loyalty-plugin`
 * (accounts per customer and currency, an append-only ledger, row-locked
 * debits, cart credit lines). Portico adds automatic application, the
 * merchant's grants, deductions and refunds, and these events.
 */

/** Events Portico emits about account credit. */
export const CreditEvents = {
  /**
   * The credit applied to a cart changed (recomputed after a cart change, the
   * client's switch, or a balance change).
   * `{ cart_id, customer_id, currency_code, amount, previous_amount }`
   */
  APPLIED: "portico.credit.applied",
  /**
   * An order was placed with account credit; the ledger holds its debit.
   * Emitted once per order. `{ order_id, cart_id, invoice_id, customer_id, currency_code, amount }`
   */
  DEBITED: "portico.credit.debited",
  /** The merchant granted credit. `{ customer_id, account_id, transaction_id, currency_code, amount, note }` */
  GRANTED: "portico.credit.granted",
  /** The merchant deducted credit. Same payload as `granted`. */
  DEDUCTED: "portico.credit.deducted",
  /**
   * The merchant refunded (part of) an order to the client's credit.
   * `{ order_id, invoice_id, customer_id, account_id, transaction_id, currency_code, amount, note }`
   */
  REFUNDED: "portico.credit.refunded",
} as const

/** The loyalty plugin's module key for store credit. */
export const STORE_CREDIT_MODULE = "store_credit"

/** `reference` of the cart credit lines that spend account credit (the plugin's). */
export const STORE_CREDIT_LINE_REFERENCE = "store-credit"

/** Ledger `reference` values and what they mean to people. */
export const LedgerReference = {
  /** Debit at checkout (the plugin's; `reference_id` is the cart). */
  CART: "cart",
  /** Credit refunded from an order (`reference_id` is the order). */
  ORDER: "order",
  /** Grant or deduction by a merchant (`reference_id` is the admin user). */
  ADMIN: "admin",
  /** A subscription renewal paid (in part) from credit (`reference_id` is the renewal). */
  RENEWAL: "portico_renewal",
} as const

/**
 * Cart metadata key holding the client's choice to use credit on this cart:
 * `"off"` switches automatic application off, anything else leaves it on.
 */
export const CART_CREDIT_PREFERENCE_KEY = "portico_credit"
