/** An order's state as its client reads it, with a colour. */
export type OrderStatusView = { label: string; tone: "paid" | "waiting" | "canceled" | "neutral" }

/**
 * What an order's client needs to know of its state, from the order and its
 * Portico invoice: canceled orders (or void invoices) are "Canceled", a paid
 * invoice "Paid", an open one "Awaiting payment"; without an invoice, Medusa's
 * own order status.
 */
export function orderStatusView(
  order: { status?: string | null; payment_status?: string | null },
  invoice?: { status: "abandoned" | "open" | "paid" | "void" } | null
): OrderStatusView {
  if (order.status === "canceled" || invoice?.status === "void") return { label: "Canceled", tone: "canceled" }
  if (invoice?.status === "paid") return { label: "Paid", tone: "paid" }
  if (invoice?.status === "open") return { label: "Awaiting payment", tone: "waiting" }
  if (order.status === "completed") return { label: "Completed", tone: "paid" }
  return { label: "Placed", tone: "neutral" }
}
