import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Fields of an invoice in lists (admin and store). */
export const invoiceFields = [
  "id",
  "number",
  "status",
  "cart_id",
  "order_id",
  "customer_id",
  "email",
  "region_id",
  "currency_code",
  "item_count",
  "subtotal",
  "discount_total",
  "tax_total",
  "credit_total",
  "credit_refund_total",
  "total",
  "promotion_codes",
  "opened_at",
  "paid_at",
  "voided_at",
  "created_at",
  "updated_at",
]

/** Fields of one invoice with its lines. */
export const invoiceDetailFields = [
  ...invoiceFields,
  "lines.id",
  "lines.line_item_id",
  "lines.product_id",
  "lines.variant_id",
  "lines.title",
  "lines.variant_title",
  "lines.quantity",
  "lines.unit_price",
  "lines.subtotal",
  "lines.discount_total",
  "lines.tax_total",
  "lines.total",
  "lines.position",
]

/**
 * One invoice matching `filters` with {@link invoiceDetailFields} (plus
 * `extraFields`) and its lines in cart order, or undefined.
 */
export async function findInvoice(
  scope: MedusaContainer,
  filters: Record<string, unknown>,
  extraFields: string[] = []
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [invoice],
  } = await query.graph({ entity: "invoice", fields: [...invoiceDetailFields, ...extraFields], filters })
  if (!invoice) {
    return undefined
  }
  const lines = [...((invoice.lines ?? []) as { position: number }[])].sort((a, b) => a.position - b.position)
  return { ...invoice, lines }
}
