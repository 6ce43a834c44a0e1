import type { HttpTypes } from "@medusajs/types"
import { creditOf, type WithCreditLines } from "@lib/util/credit"
import { formatMoney } from "@lib/util/money"

/**
 * Subtotal, discount, tax and total of a cart or order. The discount shown is
 * before tax (`discount_subtotal`; Medusa's `discount_total` includes the tax
 * it saves), so the lines add up: subtotal − discount + taxes = total.
 *
 * With account credit applied, Medusa's `total` is what is left after it: the
 * lines then go on with the total before credit, "Account credit −X" and the
 * amount due (`total`). On an order, `creditLabel` and `dueLabel` word it as
 * what was used and paid, and `refundedToCredit` adds what the store later
 * refunded to the client's credit.
 */
export default function CartTotals({
  totals,
  creditLabel = "Account credit",
  dueLabel = "Amount due",
  refundedToCredit,
}: {
  // `discount_subtotal` and the credit lines are on Medusa's carts and orders but not in its HTTP types.
  totals: Pick<HttpTypes.StoreCart, "item_subtotal" | "tax_total" | "total" | "currency_code"> & {
    discount_subtotal?: number
  } & WithCreditLines
  creditLabel?: string
  dueLabel?: string
  refundedToCredit?: number
}) {
  const c = totals.currency_code
  const credit = creditOf(totals)
  const credited = credit.account + credit.other
  const due = Number(totals.total ?? 0)
  return (
    <dl className="flex flex-col gap-2 text-sm" data-testid="totals">
      <div className="flex justify-between gap-3">
        <dt className="text-ink-soft">Subtotal</dt>
        <dd data-testid="subtotal">{formatMoney(totals.item_subtotal, c)}</dd>
      </div>
      {totals.discount_subtotal ? (
        <div className="flex justify-between gap-3 text-emerald-700">
          <dt>Discount</dt>
          <dd data-testid="discount">−{formatMoney(totals.discount_subtotal, c)}</dd>
        </div>
      ) : null}
      <div className="flex justify-between gap-3">
        <dt className="text-ink-soft">Taxes</dt>
        <dd data-testid="tax">{formatMoney(totals.tax_total, c)}</dd>
      </div>
      {credited > 0 ? (
        <>
          <div className="flex justify-between gap-3 border-t border-line pt-3 font-semibold">
            <dt>Total</dt>
            <dd data-testid="total">{formatMoney(due + credited, c)}</dd>
          </div>
          {credit.account > 0 ? (
            <div className="flex justify-between gap-3 text-emerald-700">
              <dt>{creditLabel}</dt>
              <dd data-testid="credit">−{formatMoney(credit.account, c)}</dd>
            </div>
          ) : null}
          {credit.other > 0 ? (
            <div className="flex justify-between gap-3 text-emerald-700">
              <dt>Other credit</dt>
              <dd data-testid="other-credit">−{formatMoney(credit.other, c)}</dd>
            </div>
          ) : null}
          <div className="flex justify-between gap-3 border-t border-line pt-3 text-base font-bold">
            <dt>{dueLabel}</dt>
            <dd data-testid="amount-due">{formatMoney(due, c)}</dd>
          </div>
        </>
      ) : (
        <div className="flex justify-between gap-3 border-t border-line pt-3 text-base font-bold">
          <dt>Total</dt>
          <dd data-testid="total">{formatMoney(due, c)}</dd>
        </div>
      )}
      {refundedToCredit && refundedToCredit > 0 ? (
        <div className="flex justify-between gap-3 pt-1 text-ink-soft">
          <dt>Refunded to your account credit</dt>
          <dd data-testid="credit-refund">{formatMoney(refundedToCredit, c)}</dd>
        </div>
      ) : null}
    </dl>
  )
}
