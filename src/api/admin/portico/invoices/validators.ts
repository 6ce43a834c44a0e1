import { z } from "@medusajs/framework/zod"
import { INVOICE_STATUSES, ISSUED_INVOICE_STATUSES } from "../../../../contracts/statuses"
import { DateFilter, listParams, QueryId } from "../../../utils/validate-query"

/** Query of `GET /admin/portico/invoices`. */
export const InvoiceListParams = listParams({ limit: 20, order: "-created_at", orders: ["created_at", "number", "total", "paid_at"] }).extend({
  status: z.union([z.enum(INVOICE_STATUSES), z.array(z.enum(INVOICE_STATUSES))]).optional(),
  customer_id: z.union([QueryId, z.array(QueryId).max(100)]).optional(),
  order_id: QueryId.optional(),
  cart_id: QueryId.optional(),
  number: z.string().max(50).optional(),
  created_at: DateFilter.optional(),
})
export type InvoiceListParamsType = z.infer<typeof InvoiceListParams>

/**
 * The statuses listed when the query names none: issued invoices. Carts
 * (`abandoned`) are listed on request (`status=abandoned`), or when looking
 * one up by `cart_id`, `order_id` or `number`.
 */
export const DEFAULT_INVOICE_STATUSES = ISSUED_INVOICE_STATUSES
