import type { InvoiceSnapshot } from "../../modules/invoice/service"

/** Cart fields an invoice mirrors (for `query.graph` on `cart`). */
export const invoiceCartFields = [
  "id",
  "currency_code",
  "region_id",
  "customer_id",
  "email",
  "completed_at",
  "updated_at",
  "subtotal",
  "discount_subtotal",
  "tax_total",
  "credit_line_total",
  "total",
  "credit_lines.reference",
  "credit_lines.amount",
  "promotions.code",
  "items.id",
  "items.updated_at",
  "items.product_id",
  "items.variant_id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.subtotal",
  "items.discount_subtotal",
  "items.tax_total",
  "items.total",
  "items.created_at",
]

type Num = number | string | { toString(): string } | null | undefined
const num = (v: Num) => (v === null || v === undefined ? 0 : Number(v.toString()))

type CartLike = {
  id: string
  currency_code: string
  region_id?: string | null
  customer_id?: string | null
  email?: string | null
  updated_at?: Date | string | null
  subtotal?: Num
  discount_subtotal?: Num
  tax_total?: Num
  credit_line_total?: Num
  total?: Num
  promotions?: ({ code?: string | null } | null)[] | null
  items?: ({
    id: string
    updated_at?: Date | string | null
    created_at?: Date | string | null
    product_id?: string | null
    variant_id?: string | null
    title: string
    product_title?: string | null
    variant_title?: string | null
    quantity: Num
    unit_price: Num
    subtotal?: Num
    discount_subtotal?: Num
    tax_total?: Num
    total?: Num
  } | null)[] | null
}

/**
 * The invoice's view of a cart (as `query.graph` returns it with
 * {@link invoiceCartFields}): totals, promotion codes, and one line per item
 * in the order the items were added. Discounts are taken before tax (Medusa's
 * `discount_subtotal`), so an invoice adds up: subtotal − discount_total +
 * tax_total − credit_total = total, and the same per line without credit. `synced_at` is the newest change of the
 * cart or any item.
 */
export function cartInvoiceSnapshot(cart: CartLike): InvoiceSnapshot {
  const items = (cart.items ?? []).filter((i): i is NonNullable<typeof i> => !!i)
  items.sort((a, b) => new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime())
  const times = [cart.updated_at, ...items.map((i) => i.updated_at)]
    .filter(Boolean)
    .map((t) => new Date(t as string).getTime())
  return {
    cart_id: cart.id,
    customer_id: cart.customer_id ?? null,
    email: cart.email ?? null,
    region_id: cart.region_id ?? null,
    currency_code: cart.currency_code,
    subtotal: num(cart.subtotal),
    discount_total: num(cart.discount_subtotal),
    tax_total: num(cart.tax_total),
    credit_total: num(cart.credit_line_total),
    total: num(cart.total),
    promotion_codes: (cart.promotions ?? []).map((p) => p?.code).filter((c): c is string => !!c),
    synced_at: new Date(times.length ? Math.max(...times) : Date.now()),
    lines: items.map((i) => ({
      line_item_id: i.id,
      product_id: i.product_id ?? null,
      variant_id: i.variant_id ?? null,
      title: i.product_title ?? i.title,
      variant_title: i.variant_title ?? null,
      quantity: num(i.quantity),
      unit_price: num(i.unit_price),
      subtotal: num(i.subtotal),
      discount_total: num(i.discount_subtotal),
      tax_total: num(i.tax_total),
      total: num(i.total),
    })),
  }
}

/** An invoice as routes return it (with its lines). */
type InvoiceRecord = Record<string, unknown> & { status?: string; lines?: ({ id?: string; line_item_id?: string } | null)[] | null }

/**
 * What a cart's invoice says now, computed without writing: while the
 * invoice is still the cart's (`abandoned`), its totals, codes and lines are
 * the cart's current ones (the stored row follows cart events, and is
 * written for good when the order is placed); past that, the stored invoice.
 * A cart with items whose invoice row does not exist yet (its first event is
 * still being handled) is shown as an unnumbered `abandoned` invoice
 * (`id: null`). `null` for a cart that never had an item.
 */
export function cartInvoiceView(invoice: InvoiceRecord | undefined, cart: CartLike) {
  if (invoice && invoice.status !== "abandoned") {
    return invoice
  }
  const snapshot = cartInvoiceSnapshot(cart)
  if (!invoice && !snapshot.lines.length) {
    return null
  }
  const { lines, synced_at: _syncedAt, ...totals } = snapshot
  const stored = new Map((invoice?.lines ?? []).filter(Boolean).map((l) => [l!.line_item_id, l!.id]))
  return {
    id: null,
    number: null,
    status: "abandoned",
    order_id: null,
    opened_at: null,
    paid_at: null,
    voided_at: null,
    credit_refund_total: 0,
    ...invoice,
    ...totals,
    item_count: lines.reduce((n, l) => n + l.quantity, 0),
    lines: lines.map((l, position) => ({ id: stored.get(l.line_item_id) ?? null, ...l, position })),
  }
}
