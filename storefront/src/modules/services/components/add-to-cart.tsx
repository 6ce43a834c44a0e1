"use client"

import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import { useActionState, useState } from "react"
import { addToCart } from "@lib/data/cart"
import { CURRENCY_MISMATCH } from "@lib/util/errors"
import { formatMoney } from "@lib/util/money"
import FormError from "@modules/common/components/form-error"

type Selection = Record<string, string>

function optionsOf(variant: HttpTypes.StoreProductVariant): Selection {
  return Object.fromEntries((variant.options ?? []).map((o) => [o.option_id ?? "", o.value ?? ""]))
}

/**
 * Option pickers, price in the region's currency (`currency`), quantity and
 * "Add to cart". Options with a single value are not shown. A service with no
 * price in the currency says so and cannot be added; if the cart refuses it
 * anyway (it is in another currency than this page was shown in), the
 * backend's reason is shown with what to do.
 */
export default function AddToCart({
  product,
  currency,
  billing,
}: {
  product: HttpTypes.StoreProduct
  currency: string
  /** "Billed every month, …" for a recurring service. */
  billing?: string
}) {
  const variants = product.variants ?? []
  const [selection, setSelection] = useState<Selection>(() => (variants[0] ? optionsOf(variants[0]) : {}))
  const [state, action, pending] = useActionState(addToCart, null)

  const variant = variants.find((v) => Object.entries(optionsOf(v)).every(([k, val]) => selection[k] === val))
  const price = variant?.calculated_price
  const priced = price?.calculated_amount != null
  const choosable = (product.options ?? []).filter((o) => (o.values?.length ?? 0) > 1)

  return (
    <form action={action} className="flex flex-col gap-5">
      {choosable.map((option) => (
        <fieldset key={option.id}>
          <legend className="label">{option.title}</legend>
          <div className="flex flex-wrap gap-2">
            {option.values?.map((v) => {
              const id = `opt-${option.id}-${v.id}`
              const checked = selection[option.id] === v.value
              return (
                <label
                  key={v.id}
                  htmlFor={id}
                  className={`cursor-pointer rounded-lg border px-4 py-2 text-sm font-medium ${checked ? "border-brand bg-brand-soft text-brand" : "border-line bg-white hover:border-gray-400"}`}
                >
                  <input
                    id={id}
                    type="radio"
                    className="sr-only"
                    name={`option-${option.id}`}
                    value={v.value}
                    checked={checked}
                    onChange={() => setSelection((s) => ({ ...s, [option.id]: v.value }))}
                  />
                  {v.value}
                </label>
              )
            })}
          </div>
        </fieldset>
      ))}

      <div>
        <p className="flex flex-wrap items-baseline gap-x-2">
          <span className="text-2xl font-bold" data-testid="service-price">
            {priced ? formatMoney(price.calculated_amount, price.currency_code ?? currency) : `Not available in ${currency.toUpperCase()}`}
          </span>
          {priced ? (
            // The region's price preference says whether its prices include tax.
            <span className="text-sm text-ink-soft" data-testid="service-tax-note">
              {price.is_calculated_price_tax_inclusive ? "incl. tax" : "plus tax"}
            </span>
          ) : null}
        </p>
        {priced && billing ? (
          <p className="mt-1 text-sm text-ink-soft" data-testid="service-billing">
            {billing}
          </p>
        ) : null}
        {!priced && variant ? (
          <p className="mt-1 text-sm text-ink-soft" data-testid="not-available-help">
            This service is sold in another currency. Switch the region at the top of the page to see its price.
          </p>
        ) : null}
      </div>

      <div className="flex items-end gap-3">
        <div>
          <label htmlFor="quantity" className="label">
            Quantity
          </label>
          <input id="quantity" name="quantity" type="number" min={1} max={99} defaultValue={1} className="input w-24" />
        </div>
        <input type="hidden" name="variant_id" value={variant?.id ?? ""} />
        <button type="submit" className="btn-primary flex-1 sm:flex-none" disabled={pending || !variant || !priced} data-testid="add-to-cart">
          {pending ? "Adding…" : "Add to cart"}
        </button>
      </div>
      <FormError message={state?.error}>
        {state?.code === CURRENCY_MISMATCH ? (
          <Link href="/cart" className="mt-1 block font-semibold underline" data-testid="mismatch-cart-link">
            View your cart
          </Link>
        ) : null}
      </FormError>
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700" data-testid="added">
          Added to your cart. <Link href="/cart" className="font-semibold underline">View cart</Link>
        </p>
      ) : null}
    </form>
  )
}
