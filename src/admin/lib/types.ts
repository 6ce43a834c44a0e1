import type { FolderTreeNode as FolderNode } from "../../modules/catalog/types"
import type { CreditAccount, LedgerEntry, LedgerReason, OrderCreditRefundState } from "../../workflows/credit/types"

/** A folder of `GET /admin/portico/folders/tree`, with its sub-folders. */
export type { FolderTreeNode as FolderNode } from "../../modules/catalog/types"

/** A service directly in a folder (`folder.services` of `GET /admin/portico/folders/:id`). */
export type FolderService = {
  id: string
  title: string
  handle: string
  status: string
  thumbnail: string | null
  position: number
}

/** One folder with its services. */
export type FolderDetail = Omit<FolderNode, "children" | "service_count"> & { services: FolderService[] }

/** Portico's settings of one service (product). */
export type ServiceSettings = {
  id: string | null
  product_id: string
  folder_id: string | null
  position: number
  billing_type: "one_time" | "recurring"
  interval: "day" | "week" | "month" | "year" | null
  interval_count: number
  billing_cycles: number | null
  start_status: "submitted" | "working"
  intake_form_id: string | null
  /** Placeholder of the files capability: kept by the API, not shown in the admin yet. */
  files_enabled: boolean
  /** Placeholder of the license-key capability: kept by the API, not shown in the admin yet. */
  license_keys_enabled: boolean
  /** What the service includes, one item per line. */
  included: string | null
  /** How long delivery takes ("5 business days"). */
  turnaround: string | null
  /** What happens after the purchase. */
  next_steps: string | null
}

export type InvoiceStatus = "abandoned" | "open" | "paid" | "void"

/** An invoice as `GET /admin/portico/invoices` lists it (amounts in major units). */
export type Invoice = {
  id: string
  number: string | null
  status: InvoiceStatus
  cart_id: string
  order_id: string | null
  customer_id: string | null
  email: string | null
  currency_code: string
  item_count: number
  subtotal: number
  discount_total: number
  tax_total: number
  /** Account credit used at checkout. */
  credit_total: number
  total: number
  /** Refunded to the client's account credit after the order. */
  credit_refund_total: number
  promotion_codes: string[] | null
  opened_at: string | null
  paid_at: string | null
  voided_at: string | null
  created_at: string
  customer: { id: string; email: string; first_name: string | null; last_name: string | null } | null
  order: { id?: string; display_id: number } | null
}

/** One line of an invoice. */
export type InvoiceLine = {
  id: string
  title: string
  variant_title: string | null
  quantity: number
  unit_price: number
  subtotal: number
  discount_total: number
  tax_total: number
  total: number
}

export type InvoiceDetail = Invoice & { lines: InvoiceLine[] }

export type { CreditAccount } from "../../workflows/credit/types"

/** `GET /admin/portico/customers/:id/credit`; `has_account: false` for a guest, who cannot hold credit. */
export type CustomerCredit = { accounts: CreditAccount[]; has_account: boolean }

/** Why a ledger entry exists. */
export type CreditReason = LedgerReason

/** One entry of a customer's credit ledger, with the balance right after it. */
export type CreditTransaction = LedgerEntry

/** A page of `GET /admin/portico/customers/:id/credit/transactions`, newest first. */
export type CreditLedgerPage = { transactions: CreditTransaction[]; count: number; limit: number; offset: number }

/** What an order can still refund to the client's account credit (`GET /admin/portico/orders/:id/credit-refunds`). */
export type OrderCreditRefund = OrderCreditRefundState
