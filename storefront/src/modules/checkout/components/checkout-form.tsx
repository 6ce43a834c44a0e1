"use client"

import type { HttpTypes } from "@medusajs/types"
import { useActionState, useTransition } from "react"
import { placeOrder } from "@lib/data/cart"
import { creditOf, type CartCredit, type WithCreditLines } from "@lib/util/credit"
import { formatMoney } from "@lib/util/money"
import FormError from "@modules/common/components/form-error"
import CreditToggle from "./credit-toggle"

const PROVIDER_LABELS: Record<string, { title: string; detail: string }> = {
  pp_system_default: {
    title: "Test payment",
    detail: "Medusa's built-in payment: the order is placed and paid at once, nothing is charged.",
  },
  pp_bank_transfer_default: {
    title: "Bank transfer",
    detail: "Pay by bank transfer; we start once the money arrives. You get the bank details and your reference after placing the order.",
  },
}

function label(id: string) {
  return PROVIDER_LABELS[id] ?? { title: id.replace(/^pp_/, "").replace(/_/g, " "), detail: "" }
}

/**
 * Checkout: contact, billing address and payment, then "Place order".
 * Services need no shipping, so there is no shipping step.
 *
 * A signed-in client with account credit in the cart's currency can switch
 * its use on or off here. The payment methods are for the amount due after
 * credit (`cart.total`); when credit covers everything, none is asked for.
 */
export default function CheckoutForm({
  cart,
  providers,
  customer,
  credit,
}: {
  cart: HttpTypes.StoreCart & WithCreditLines
  providers: { id: string }[]
  customer?: HttpTypes.StoreCustomer
  /** The signed-in client's credit on this cart, if any. */
  credit?: CartCredit
}) {
  const [state, action, pending] = useActionState(placeOrder, null)
  const [switching, startSwitch] = useTransition()
  const applied = creditOf(cart).account
  const due = Number(cart.total ?? 0)
  const nothingToPay = due <= 0
  const showCredit = !!credit && (credit.balance > 0 || applied > 0)
  const a = cart.billing_address
  const countries = cart.region?.countries ?? []
  // After a refused attempt, show what the client typed (React resets the form).
  const typed = state?.values ?? {}
  return (
    <form action={action} className="flex flex-col gap-8" key={state?.error ? JSON.stringify(typed) : "form"}>
      <fieldset className="card flex flex-col gap-4 p-5">
        <legend className="px-1 text-lg font-semibold">Contact</legend>
        <div>
          <label htmlFor="email" className="label">Email</label>
          <input id="email" name="email" type="email" required autoComplete="email" className="input" defaultValue={typed.email ?? cart.email ?? customer?.email ?? ""} />
        </div>
      </fieldset>

      <fieldset className="card grid gap-4 p-5 sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">Billing address</legend>
        <div>
          <label htmlFor="first_name" className="label">First name</label>
          <input id="first_name" name="first_name" required autoComplete="given-name" className="input" defaultValue={typed.first_name ?? a?.first_name ?? customer?.first_name ?? ""} />
        </div>
        <div>
          <label htmlFor="last_name" className="label">Last name</label>
          <input id="last_name" name="last_name" required autoComplete="family-name" className="input" defaultValue={typed.last_name ?? a?.last_name ?? customer?.last_name ?? ""} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="company" className="label">Company <span className="font-normal text-ink-faint">(optional)</span></label>
          <input id="company" name="company" autoComplete="organization" className="input" defaultValue={typed.company ?? a?.company ?? ""} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="address_1" className="label">Address</label>
          <input id="address_1" name="address_1" required autoComplete="address-line1" className="input" defaultValue={typed.address_1 ?? a?.address_1 ?? ""} />
        </div>
        <div>
          <label htmlFor="city" className="label">City</label>
          <input id="city" name="city" required autoComplete="address-level2" className="input" defaultValue={typed.city ?? a?.city ?? ""} />
        </div>
        <div>
          <label htmlFor="postal_code" className="label">Postal code</label>
          <input id="postal_code" name="postal_code" required autoComplete="postal-code" className="input" defaultValue={typed.postal_code ?? a?.postal_code ?? ""} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="country_code" className="label">Country</label>
          <select id="country_code" name="country_code" required className="input" defaultValue={typed.country_code ?? a?.country_code ?? cart.shipping_address?.country_code ?? countries[0]?.iso_2 ?? ""}>
            {countries.map((c) => (
              <option key={c.iso_2} value={c.iso_2 ?? ""}>
                {c.display_name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset className="card flex flex-col gap-3 p-5" aria-describedby="amount-due-note">
        <legend className="px-1 text-lg font-semibold">Payment</legend>
        {showCredit ? <CreditToggle credit={credit} pending={switching} startTransition={startSwitch} /> : null}
        {/* The credit this page applied: the order is not placed for more than it showed. */}
        <input type="hidden" name="shown_credit" value={String(applied)} />
        {nothingToPay ? (
          <p id="amount-due-note" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 font-semibold text-emerald-800" data-testid="nothing-to-pay">
            {applied > 0 ? "Paid with account credit — nothing more to pay" : "Nothing to pay for this order"}
          </p>
        ) : (
          <>
            <p id="amount-due-note" className="text-sm text-ink-soft" data-testid="pay-remaining">
              {applied > 0 ? (
                <>
                  Pay the remaining <strong className="text-ink">{formatMoney(due, cart.currency_code)}</strong> with:
                </>
              ) : (
                <>
                  Pay <strong className="text-ink">{formatMoney(due, cart.currency_code)}</strong> with:
                </>
              )}
            </p>
            {providers.length ? (
              providers.map((p, i) => {
                const l = label(p.id)
                return (
                  <label key={p.id} className="flex cursor-pointer items-start gap-3 rounded-lg border border-line p-4 has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
                    <input type="radio" name="provider_id" value={p.id} defaultChecked={typed.provider_id ? typed.provider_id === p.id : i === 0} required className="mt-1" />
                    <span>
                      <span className="block font-semibold">{l.title}</span>
                      {l.detail ? <span className="block text-sm text-ink-soft">{l.detail}</span> : null}
                    </span>
                  </label>
                )
              })
            ) : (
              <p className="text-sm text-red-700">No payment method is available in this region.</p>
            )}
          </>
        )}
      </fieldset>

      <FormError message={state?.error} />
      <button
        type="submit"
        className="btn-primary py-3 text-base"
        disabled={pending || switching || (!nothingToPay && !providers.length)}
        data-testid="place-order"
      >
        {pending ? "Placing order…" : "Place order"}
      </button>
    </form>
  )
}
