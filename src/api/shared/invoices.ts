import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ISSUED_INVOICE_STATUSES } from "../../contracts/statuses"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"

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

/** The customer and order of one invoice, as `findInvoice`'s `extraFields` (admin and portal detail). */
export const invoicePartyFields = [
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "order.id",
  "order.display_id",
]

/**
 * A page of invoices matching `filters` (list `fields`, no lines), each with
 * its `customer` and `order` (`{ id, display_id }`), and the total `count`:
 * what the admin's and the portal's invoice lists answer.
 */
export async function listInvoices(
  scope: MedusaContainer,
  {
    filters,
    fields,
    pagination,
  }: { filters: Record<string, unknown>; fields: string[]; pagination: { skip?: number; take?: number; order?: Record<string, string> } }
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: invoices, metadata } = await query.graph({
    entity: "invoice",
    fields: fields.filter((f) => !f.includes(".")),
    filters,
    pagination,
  })
  // Customers and orders are joined by hand: Query does not resolve read-only
  // links on a paginated list.
  const customerIds = [...new Set(invoices.map((i) => i.customer_id).filter((id): id is string => !!id))]
  const orderIds = [...new Set(invoices.map((i) => i.order_id).filter((id): id is string => !!id))]
  const [{ data: customers }, { data: orders }] = await Promise.all([
    customerIds.length
      ? query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: customerIds } })
      : { data: [] as { id: string }[] },
    orderIds.length
      ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
      : { data: [] as { id: string }[] },
  ])
  const byId = new Map<string, unknown>([...customers, ...orders].map((r) => [r.id, r]))
  return {
    invoices: invoices.map((i) => ({
      ...i,
      customer: (i.customer_id && byId.get(i.customer_id)) || null,
      order: (i.order_id && byId.get(i.order_id)) || null,
    })),
    count: metadata?.count ?? invoices.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? invoices.length,
  }
}

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

/** The 404 `not_found` of an invoice route (`ref`: the id or number asked for). */
export const invoiceNotFound = (ref: string) =>
  new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Invoice ${ref} was not found.`)

/**
 * The issued invoice (`open`, `paid` or `void`: never a cart's `abandoned`
 * one) matching `filters`, with its lines, customer and order, or a 404
 * `not_found` naming `ref`. Ownership belongs in `filters`
 * (`customer_id`), so another client's invoice is a 404 like an unknown one.
 */
export async function findIssuedInvoice(scope: MedusaContainer, filters: Record<string, unknown>, ref: string) {
  const invoice = await findInvoice(scope, { ...filters, status: [...ISSUED_INVOICE_STATUSES] }, invoicePartyFields)
  if (!invoice) {
    throw invoiceNotFound(ref)
  }
  return invoice
}
