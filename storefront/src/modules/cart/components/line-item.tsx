"use client"

import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import { useActionState } from "react"
import { updateLineItem } from "@lib/data/cart"
import { formatMoney } from "@lib/util/money"
import FormError from "@modules/common/components/form-error"

/** A cart line: title, option, unit price, quantity stepper, remove, line total. */
export default function LineItem({ item, currency }: { item: HttpTypes.StoreCartLineItem; currency: string }) {
  const [state, action, pending] = useActionState(updateLineItem, null)
  return (
    <li className="flex flex-col gap-3 border-b border-line py-5 last:border-0 sm:flex-row sm:items-center" data-testid="cart-item">
      <div className="flex-1">
        <Link href={`/services/${item.product_handle}`} className="font-semibold hover:text-brand">
          {item.product_title}
        </Link>
        {item.variant_title && item.variant_title !== "Default" ? (
          <p className="text-sm text-ink-soft">{item.variant_title}</p>
        ) : null}
        <p className="text-sm text-ink-faint">{formatMoney(item.unit_price, currency)} each</p>
        <FormError message={state?.error} />
      </div>
      <form action={action} className="flex items-center gap-2">
        <input type="hidden" name="line_id" value={item.id} />
        <label htmlFor={`qty-${item.id}`} className="sr-only">
          Quantity of {item.product_title}
        </label>
        <input
          id={`qty-${item.id}`}
          name="quantity"
          type="number"
          min={1}
          max={99}
          defaultValue={item.quantity}
          key={item.quantity}
          className="input w-20"
          data-testid="item-quantity"
        />
        <button type="submit" className="btn-secondary" disabled={pending} data-testid="update-quantity">
          Update
        </button>
        <button
          type="submit"
          name="quantity"
          value="0"
          formNoValidate
          className="btn px-2 text-red-700 hover:bg-red-50"
          disabled={pending}
          aria-label={`Remove ${item.product_title}`}
          data-testid="remove-item"
        >
          Remove
        </button>
      </form>
      <p className="font-semibold sm:w-28 sm:text-right" data-testid="item-total">
        {formatMoney(item.subtotal ?? item.unit_price * item.quantity, currency)}
      </p>
    </li>
  )
}
