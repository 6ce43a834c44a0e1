import type { HttpTypes } from "@medusajs/types"
import { formatMoney } from "@lib/util/money"

/**
 * Subtotal, discount, tax and total of a cart or order. The discount shown is
 * before tax (`discount_subtotal`; Medusa's `discount_total` includes the tax
 * it saves), so the lines add up: subtotal − discount + taxes = total.
 */
export default function CartTotals({
  totals,
}: {
  // `discount_subtotal` is on Medusa's carts and orders but not in its HTTP types.
  totals: Pick<HttpTypes.StoreCart, "item_subtotal" | "tax_total" | "total" | "currency_code"> & {
    discount_subtotal?: number
  }
}) {
  const c = totals.currency_code
  return (
    <dl className="flex flex-col gap-2 text-sm" data-testid="totals">
      <div className="flex justify-between">
        <dt className="text-ink-soft">Subtotal</dt>
        <dd data-testid="subtotal">{formatMoney(totals.item_subtotal, c)}</dd>
      </div>
      {totals.discount_subtotal ? (
        <div className="flex justify-between text-emerald-700">
          <dt>Discount</dt>
          <dd data-testid="discount">−{formatMoney(totals.discount_subtotal, c)}</dd>
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
