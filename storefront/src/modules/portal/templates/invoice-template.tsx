import Link from "next/link"
import type { PortalInvoiceDetail } from "@lib/data/invoices"
import { formatMoney } from "@lib/util/money"
import CartTotals from "@modules/cart/components/cart-totals"
import InvoiceStatus from "@modules/order/components/invoice-status"
import PaymentInstructions from "@modules/order/components/payment-instructions"

const date = (d: string) => new Date(d).toLocaleDateString("en-US", { dateStyle: "long" })

/** What the invoice's total came to, in words: paid, due, or nothing (void). */
function dueLabel(status: PortalInvoiceDetail["status"]) {
  return status === "open" ? "Amount due" : status === "paid" ? "Amount paid" : "Total"
}

/**
 * One invoice for its client: number, status and dates, the PDF, how to pay
 * it while a bank transfer is awaited, its lines with their taxes, and the
 * totals with the account credit used and what was paid or is due.
 */
export default function InvoiceTemplate({ invoice }: { invoice: PortalInvoiceDetail }) {
  const c = invoice.currency_code
  const number = invoice.number ?? ""
  const instructions = invoice.status === "open" ? invoice.payment_instructions : null
  const dates = [
    invoice.opened_at ? { label: "Issued", value: date(invoice.opened_at), testId: "invoice-issued" } : null,
    invoice.paid_at ? { label: "Paid", value: date(invoice.paid_at), testId: "invoice-paid-at" } : null,
    invoice.voided_at ? { label: "Voided", value: date(invoice.voided_at), testId: "invoice-voided-at" } : null,
  ].filter((d): d is { label: string; value: string; testId: string } => !!d)
  return (
    <div className="mt-6 flex flex-col gap-6" data-testid="invoice-detail">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
            <span data-testid="invoice-detail-number">Invoice {number}</span>
            <InvoiceStatus status={invoice.status} />
          </h2>
          <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-soft">
            {dates.map((d) => (
              <span key={d.testId} data-testid={d.testId}>
                {d.label} {d.value}
              </span>
            ))}
            {invoice.order_id && invoice.order ? (
              <Link href={`/portal/orders/${invoice.order_id}`} className="font-medium text-brand underline" data-testid="invoice-order">
                Order #{invoice.order.display_id}
              </Link>
            ) : null}
          </p>
        </div>
        <a
          href={`/portal/invoices/${encodeURIComponent(number)}/pdf`}
          className="btn-secondary shrink-0"
          download={`${number}.pdf`}
          data-testid="invoice-pdf"
        >
          Download PDF
        </a>
      </div>

      <PaymentInstructions instructions={instructions} />

      <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
        <section className="card overflow-hidden" aria-label="Lines">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Lines of invoice {number}</caption>
            <thead className="hidden border-b border-line bg-gray-50 text-xs uppercase tracking-wide text-ink-faint sm:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Service</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Qty</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Unit price</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Tax</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Total</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {invoice.lines.map((line) => (
                <tr key={line.id} className="align-top" data-testid="invoice-line">
                  <td className="px-4 py-3">
                    <span className="font-medium">{line.title}</span>
                    {line.variant_title && line.variant_title !== "Default" ? <span className="text-ink-soft"> · {line.variant_title}</span> : null}
                    {/* On a phone: the figures under the title. */}
                    <span className="mt-1 block text-ink-soft sm:hidden">
                      {line.quantity} × {formatMoney(line.unit_price, c)}
                      {Number(line.discount_total) ? ` − ${formatMoney(line.discount_total, c)} discount` : ""} · tax {formatMoney(line.tax_total, c)}
                    </span>
                  </td>
                  <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{line.quantity}</td>
                  <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{formatMoney(line.unit_price, c)}</td>
                  <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell" data-testid="invoice-line-tax">
                    {formatMoney(line.tax_total, c)}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right font-semibold tabular-nums">{formatMoney(line.total, c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <aside className="card h-fit p-5">
          <CartTotals
            totals={{
              item_subtotal: invoice.subtotal,
              discount_subtotal: invoice.discount_total,
              tax_total: invoice.tax_total,
              total: invoice.total,
              currency_code: c,
              credit_line_total: invoice.credit_total,
            }}
            creditLabel="Account credit used"
            dueLabel={dueLabel(invoice.status)}
            refundedToCredit={Number(invoice.credit_refund_total ?? 0)}
          />
          {/* Without credit the totals end at "Total": say whether it is paid or due. */}
          {!Number(invoice.credit_total) && invoice.status !== "void" ? (
            <p
              className={`mt-3 rounded-lg px-3 py-2 text-sm font-semibold ${invoice.status === "open" ? "bg-amber-50 text-amber-900" : "bg-emerald-50 text-emerald-800"}`}
              data-testid="invoice-balance"
            >
              {dueLabel(invoice.status)}: {formatMoney(invoice.total, c)}
            </p>
          ) : null}
        </aside>
      </div>
    </div>
  )
}
