"use client"

import { useOptimistic, useState, type TransitionStartFunction } from "react"
import { setCartCreditEnabled } from "@lib/data/credit"
import type { CartCredit } from "@lib/util/credit"
import { formatMoney } from "@lib/util/money"
import FormError from "@modules/common/components/form-error"

/**
 * "Use my account credit ($X available)": switches the client's credit on or
 * off for this cart. It saves at once (it is not part of the checkout form,
 * so what the client typed there stays), and the page comes back with the
 * new totals and amount due.
 */
export default function CreditToggle({
  credit,
  pending,
  startTransition,
}: {
  credit: CartCredit
  /** The switch is saving (the checkout holds "Place order" meanwhile). */
  pending: boolean
  startTransition: TransitionStartFunction
}) {
  const [enabled, setEnabled] = useOptimistic(credit.enabled)
  const [error, setError] = useState<string>()
  const c = credit.currency_code
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-line p-4 has-[:checked]:border-emerald-300 has-[:checked]:bg-emerald-50" data-testid="credit-option">
      <label className="flex cursor-pointer items-start gap-3">
        <input
          type="checkbox"
          className="mt-1"
          checked={enabled}
          disabled={pending}
          data-testid="use-credit"
          onChange={(e) => {
            const next = e.target.checked
            setError(undefined)
            startTransition(async () => {
              setEnabled(next)
              const result = await setCartCreditEnabled(next)
              if (result?.error) {
                setError(result.error)
              }
            })
          }}
        />
        <span>
          <span className="block font-semibold">
            Use my account credit ({formatMoney(credit.balance, c)} available)
          </span>
          <span className="block text-sm text-ink-soft" aria-live="polite" data-testid="credit-summary">
            {pending
              ? "Updating the amount due…"
              : enabled && credit.applied > 0
                ? `${formatMoney(credit.applied, c)} of your credit pays for this order.`
                : "Your credit stays in your account for a later order."}
          </span>
        </span>
      </label>
      <FormError message={error} />
    </div>
  )
}
