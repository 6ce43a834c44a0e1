import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import type { WithCreditLines } from "@lib/util/credit"
import { formatMoney } from "@lib/util/money"
import { orderStatusView, type OrderStatusView } from "@lib/util/order-status"

const STATUS_TONES: Record<OrderStatusView["tone"], string> = {
  paid: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  waiting: "bg-amber-50 text-amber-800 ring-amber-200",
  canceled: "bg-gray-100 text-ink-soft ring-gray-200",
  neutral: "bg-sky-50 text-sky-800 ring-sky-200",
}

type Order = HttpTypes.StoreOrder & WithCreditLines
type OrderInvoice = { number: string | null; status: "abandoned" | "open" | "paid" | "void" }

/**
 * The client's purchases, one row each: order number and invoice, status
 * (from the invoice: paid, awaiting payment, canceled), date, items, value
 * and what account credit paid of it. `invoices[i]` is `orders[i]`'s.
 */
export default function OrderList({ orders, invoices }: { orders: Order[]; invoices: (OrderInvoice | undefined)[] }) {
  return (
    <ul className="card divide-y divide-line" data-testid="order-list">
      {orders.map((o, i) => {
        const invoice = invoices[i]
        const status = orderStatusView(o, invoice)
        const items = (o.items ?? []).reduce((n, item) => n + Number(item.quantity ?? 0), 0)
        return (
          <li key={o.id}>
            <Link
              href={`/portal/orders/${o.id}`}
              className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 p-4 hover:bg-gray-50 sm:grid-cols-[minmax(8rem,1fr)_8rem_9rem_6rem_auto]"
              data-testid="order-row"
            >
              <span className="min-w-0">
                <span className="block font-semibold">Order #{o.display_id}</span>
                <span className="block text-sm text-ink-soft" data-testid="order-row-invoice">
                  {invoice?.number ? `Invoice ${invoice.number}` : "Invoice pending"}
                </span>
              </span>
              <span className="justify-self-end sm:justify-self-start">
                <span
                  className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_TONES[status.tone]}`}
                  data-testid="order-row-status"
                  data-tone={status.tone}
                >
                  {status.label}
                </span>
              </span>
              <span className="text-sm text-ink-soft">{new Date(o.created_at as string).toLocaleDateString("en-US", { dateStyle: "medium" })}</span>
              <span className="text-sm text-ink-soft">{items === 1 ? "1 item" : `${items} items`}</span>
              <span className="col-span-2 text-left sm:col-span-1 sm:text-right">
                {/* The order's value; what credit paid of it is said beside. */}
                <span className="block font-semibold">{formatMoney(Number(o.total) + Number(o.credit_line_total ?? 0), o.currency_code)}</span>
                {Number(o.credit_line_total ?? 0) > 0 ? (
                  <span className="block text-xs text-emerald-700" data-testid="order-row-credit">
                    {formatMoney(Number(o.credit_line_total), o.currency_code)} paid with credit
                  </span>
                ) : null}
              </span>
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
