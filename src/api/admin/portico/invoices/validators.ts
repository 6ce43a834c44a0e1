import { z } from "@medusajs/framework/zod"
import { createFindParams, createOperatorMap } from "@medusajs/medusa/api/utils/validators"

/** Query of `GET /admin/portico/invoices`. */
export const InvoiceListParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
  status: z.union([z.enum(["abandoned", "open", "paid", "void"]), z.array(z.enum(["abandoned", "open", "paid", "void"]))]).optional(),
  customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  order_id: z.string().optional(),
  cart_id: z.string().optional(),
  number: z.string().optional(),
  created_at: createOperatorMap().optional(),
})
export type InvoiceListParamsType = z.infer<typeof InvoiceListParams>

/**
 * The statuses listed when the query names none: issued invoices. Carts
 * (`abandoned`) are listed on request (`status=abandoned`), or when looking
 * one up by `cart_id`, `order_id` or `number`.
 */
export const DEFAULT_INVOICE_STATUSES = ["open", "paid", "void"] as const
