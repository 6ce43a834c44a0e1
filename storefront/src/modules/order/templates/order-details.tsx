import type { HttpTypes } from "@medusajs/types"
import { formatMoney } from "@lib/util/money"
import CartTotals from "@modules/cart/components/cart-totals"

/** An order's lines, totals and billing details. */
export default function OrderDetails({ order }: { order: HttpTypes.StoreOrder }) {
  const a = order.billing_address
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
          <CartTotals totals={order} />
        </div>
        {a ? (
          <div className="card p-5 text-sm">
            <h3 className="mb-1 font-semibold">Billed to</h3>
            <p>
              {a.first_name} {a.last_name}
              {a.company ? <><br />{a.company}</> : null}
              <br />
              {a.address_1}
              <br />
              {a.postal_code} {a.city}, {a.country_code?.toUpperCase()}
            </p>
          </div>
        ) : null}
      </aside>
    </div>
  )
}
