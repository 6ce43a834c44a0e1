import type { HttpTypes } from "@medusajs/types"
import { formatMoney } from "@lib/util/money"

/** Subtotal, discount, tax and total of a cart or order. */
export default function CartTotals({
  totals,
}: {
  totals: Pick<HttpTypes.StoreCart, "item_subtotal" | "discount_total" | "tax_total" | "total" | "currency_code">
}) {
  const c = totals.currency_code
  return (
    <dl className="flex flex-col gap-2 text-sm" data-testid="totals">
      <div className="flex justify-between">
        <dt className="text-ink-soft">Subtotal</dt>
        <dd data-testid="subtotal">{formatMoney(totals.item_subtotal, c)}</dd>
      </div>
      {totals.discount_total ? (
        <div className="flex justify-between text-emerald-700">
          <dt>Discount</dt>
          <dd data-testid="discount">−{formatMoney(totals.discount_total, c)}</dd>
        </div>
      ) : null}
      <div className="flex justify-between">
        <dt className="text-ink-soft">Taxes</dt>
        <dd data-testid="tax">{formatMoney(totals.tax_total, c)}</dd>
      </div>
      <div className="flex justify-between border-t border-line pt-3 text-base font-bold">
        <dt>Total</dt>
        <dd data-testid="total">{formatMoney(totals.total, c)}</dd>
      </div>
    </dl>
  )
}
