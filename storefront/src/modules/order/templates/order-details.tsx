import type { HttpTypes } from "@medusajs/types"
import type { Invoice } from "@lib/data/invoices"
import { formatAddressLines } from "@lib/util/address"
import type { WithCreditLines } from "@lib/util/credit"
import { formatMoney } from "@lib/util/money"
import CartTotals from "@modules/cart/components/cart-totals"

/**
 * An order's lines, totals and billing details. The totals show the account
 * credit the order used (its store-credit lines, or the invoice's
 * `credit_total` when the order came without them), what was paid (or is due,
 * while the invoice is open) and what the store refunded to credit since.
 */
export default function OrderDetails({ order, invoice }: { order: HttpTypes.StoreOrder & WithCreditLines; invoice?: Invoice }) {
  const a = order.billing_address
  const totals = order.credit_lines
    ? order
    : { ...order, credit_line_total: order.credit_line_total ?? invoice?.credit_total ?? 0 }
  return (
    <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
      <section className="card p-5" aria-label="Items">
        <ul className="divide-y divide-line">
          {order.items?.map((i) => (
            <li key={i.id} className="flex justify-between gap-4 py-3" data-testid="order-item">
              <span>
                <span className="font-medium">{i.product_title}</span>
                {i.variant_title && i.variant_title !== "Default" ? <span className="text-ink-soft"> · {i.variant_title}</span> : null}
                <span className="text-ink-soft"> × {i.quantity}</span>
              </span>
              <span>{formatMoney(i.subtotal, order.currency_code)}</span>
            </li>
          ))}
        </ul>
      </section>
      <aside className="flex flex-col gap-4">
        <div className="card p-5">
          <CartTotals
            totals={totals}
            creditLabel="Account credit used"
            dueLabel={invoice?.status === "open" ? "Amount due" : "Amount paid"}
            refundedToCredit={Number(invoice?.credit_refund_total ?? 0)}
          />
        </div>
        {a ? (
          <div className="card p-5 text-sm">
            <h3 className="mb-1 font-semibold">Billed to</h3>
            <p data-testid="billing-address">
              {formatAddressLines(a).map((line, i) => (
                <span key={i} className="block">
                  {line}
                </span>
              ))}
            </p>
          </div>
        ) : null}
      </aside>
    </div>
  )
}
