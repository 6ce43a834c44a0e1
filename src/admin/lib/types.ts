import type { FolderTreeNode as FolderNode } from "../../modules/catalog/types"

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
  files_enabled: boolean
  license_keys_enabled: boolean
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
  credit_total: number
  total: number
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
