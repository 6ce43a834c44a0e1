import Link from "next/link"
import type { PortalInvoice } from "@lib/data/invoices"
import { formatMoney } from "@lib/util/money"
import InvoiceStatus from "@modules/order/components/invoice-status"

const date = (d: string | null) => (d ? new Date(d).toLocaleDateString("en-US", { dateStyle: "medium" }) : "—")

/** The client's invoices, one row each: number, order, date, status, total; a row opens the invoice. */
export default function InvoiceList({ invoices }: { invoices: PortalInvoice[] }) {
  return (
    <ul className="card divide-y divide-line" data-testid="invoices">
      {invoices.map((invoice) => (
        <li key={invoice.id}>
          <Link
            href={`/portal/invoices/${encodeURIComponent(invoice.number ?? "")}`}
            className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 p-4 hover:bg-gray-50 sm:grid-cols-[minmax(9rem,1fr)_8rem_10rem_auto]"
            data-testid="invoice-row"
            data-number={invoice.number}
            data-status={invoice.status}
          >
            <span className="min-w-0">
              <span className="block font-semibold" data-testid="invoice-row-number">
                {invoice.number}
              </span>
              <span className="block text-sm text-ink-soft">
                {invoice.order ? `Order #${invoice.order.display_id}` : null}
                {invoice.order && invoice.item_count ? " · " : null}
                {invoice.item_count ? (invoice.item_count === 1 ? "1 item" : `${invoice.item_count} items`) : null}
              </span>
            </span>
            <span className="justify-self-end sm:justify-self-start">
              <InvoiceStatus status={invoice.status} />
            </span>
            <span className="text-sm text-ink-soft">{date(invoice.opened_at ?? invoice.created_at)}</span>
            <span className="text-left font-semibold sm:text-right" data-testid="invoice-row-total">
              {formatMoney(invoice.total, invoice.currency_code)}
              {invoice.status === "open" ? <span className="block text-xs font-normal text-amber-800">due</span> : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
