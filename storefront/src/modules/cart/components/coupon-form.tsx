"use client"

import type { HttpTypes } from "@medusajs/types"
import { useActionState } from "react"
import { applyCoupon, removeCoupon } from "@lib/data/cart"
import FormError from "@modules/common/components/form-error"

/** Apply a coupon code; applied codes are listed with a remove button. */
export default function CouponForm({ promotions }: { promotions: HttpTypes.StoreCartPromotion[] }) {
  const [state, action, pending] = useActionState(applyCoupon, null)
  const [removeState, remove, removing] = useActionState(removeCoupon, null)
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-2">
        <label htmlFor="coupon" className="label">
          Coupon code
        </label>
        <div className="flex gap-2">
          <input
            id="coupon"
            name="code"
            className="input"
            autoComplete="off"
            defaultValue={state?.values?.code ?? ""}
            key={state?.values?.code ?? ""}
            data-testid="coupon-input"
          />
          <button type="submit" className="btn-secondary" disabled={pending} data-testid="apply-coupon">
            Apply
          </button>
        </div>
        <FormError message={state?.error} />
      </form>
      {promotions.filter((p) => p.code).map((p) => (
        <form key={p.id} action={remove} className="flex items-center justify-between rounded-lg bg-emerald-50 px-3 py-2 text-sm">
          <span>
            Coupon <strong data-testid="applied-coupon">{p.code}</strong> applied
          </span>
          <input type="hidden" name="code" value={p.code} />
          <button type="submit" className="font-semibold text-emerald-800 underline" disabled={removing}>
            Remove
          </button>
        </form>
      ))}
      <FormError message={removeState?.error} />
    </div>
  )
}
