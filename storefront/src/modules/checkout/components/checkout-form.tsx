"use client"

import type { HttpTypes } from "@medusajs/types"
import { unstable_rethrow } from "next/navigation"
import { useActionState, useCallback, useLayoutEffect, useRef, useState, useTransition } from "react"
import { completeOrder, placeOrder, preparePayment, type PreparedPayment } from "@lib/data/cart"
import type { PaymentKeys } from "@lib/payment-keys"
import { normalizeProvince, provinceField } from "@lib/util/address"
import { creditOf, type CartCredit, type WithCreditLines } from "@lib/util/credit"
import { formatMoney } from "@lib/util/money"
import FormError from "@modules/common/components/form-error"
import CreditToggle from "./credit-toggle"
import PayPalPayment, { PAYPAL_PROVIDER } from "./paypal-payment"
import StripePayment, { STRIPE_PROVIDER, type ConfirmCardPayment } from "./stripe-payment"

const PROVIDER_LABELS: Record<string, { title: string; detail: string }> = {
  pp_system_default: {
    title: "Test payment",
    detail: "Medusa's built-in payment: the order is placed and paid at once, nothing is charged.",
  },
  [STRIPE_PROVIDER]: {
    title: "Card (Stripe)",
    detail: "Pay by credit or debit card. Your bank may ask you to confirm the payment.",
  },
  [PAYPAL_PROVIDER]: {
    title: "PayPal",
    detail: "Pay with your PayPal account: you approve the payment in PayPal's window.",
  },
}

const BANK_TRANSFER = {
  title: "Bank transfer",
  detail: "Pay by bank transfer; we start once the money arrives. You get the bank details and your reference after placing the order.",
}

function label(id: string) {
  if (/^pp_bank_transfer_/.test(id)) {
    return BANK_TRANSFER
  }
  return PROVIDER_LABELS[id] ?? { title: id.replace(/^pp_/, "").replace(/_/g, " "), detail: "" }
}

/** Who pays, as the form says, for the card payment. */
function billingDetails(formData: FormData) {
  const field = (name: string) => String(formData.get(name) || "").trim()
  return {
    name: `${field("first_name")} ${field("last_name")}`.trim(),
    email: field("email"),
    address: {
      line1: field("address_1"),
      city: field("city"),
      state: field("province"),
      postal_code: field("postal_code"),
      country: field("country_code").toUpperCase(),
    },
  }
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
  payments = {},
}: {
  cart: HttpTypes.StoreCart & WithCreditLines
  providers: { id: string }[]
  customer?: HttpTypes.StoreCustomer
  /** The signed-in client's credit on this cart, if any. */
  credit?: CartCredit
  /** Public keys for card (Stripe) and PayPal payments. */
  payments?: PaymentKeys
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
  const initialCountry = typed.country_code ?? a?.country_code ?? cart.shipping_address?.country_code ?? countries[0]?.iso_2 ?? ""
  // The state / province field follows the chosen country (a list, required, for the US and Canada).
  const [country, setCountry] = useState(initialCountry)
  const province = provinceField(country)

  /** Card and PayPal need their public key; without it they are shown, but off. */
  const configured = (id: string) =>
    id === STRIPE_PROVIDER ? !!payments.stripeKey : id === PAYPAL_PROVIDER ? !!payments.paypalClientId : true
  const usable = providers.filter((p) => configured(p.id))
  const initial = usable.some((p) => p.id === typed.provider_id) ? typed.provider_id : usable[0]?.id
  // The chosen method, read back from the form after each render (it resets and remounts).
  const formRef = useRef<HTMLFormElement>(null)
  const [selected, setSelected] = useState(initial ?? "")
  // After an attempt the form action resets the form: read the checked method again.
  useLayoutEffect(() => {
    const checked = formRef.current?.querySelector<HTMLInputElement>('input[name="provider_id"]:checked')
    setSelected(checked?.value ?? "")
  }, [state])
  const inBrowser = !nothingToPay && (selected === STRIPE_PROVIDER || selected === PAYPAL_PROVIDER)

  // Card and PayPal run outside the form action (no reset: what was typed stays).
  const confirmCard = useRef<ConfirmCardPayment | null>(null)
  const onCardReady = useCallback((confirm: ConfirmCardPayment | null) => {
    confirmCard.current = confirm
  }, [])
  const [paying, startPaying] = useTransition()
  const [payError, setPayError] = useState<string>()
  const [lastTry, setLastTry] = useState<"form" | "browser">("form")
  /** The PayPal session for the form as it was sent (a change hides its buttons). */
  const [paypalSession, setPaypalSession] = useState<Extract<PreparedPayment, { provider_id: string }>>()
  const paypal = paypalSession && selected === PAYPAL_PROVIDER && !nothingToPay ? paypalSession : undefined

  /**
   * Card: `preparePayment`, Stripe confirms the card (3-D Secure in its own
   * dialog), then `completeOrder`. PayPal: `preparePayment`, then PayPal's
   * buttons; approving there places the order. Any other method goes to
   * `placeOrder`, the form's action, in one step.
   */
  function payInBrowser(formData: FormData) {
    const providerId = String(formData.get("provider_id") || "")
    setPayError(undefined)
    setPaypalSession(undefined)
    startPaying(async () => {
      try {
        if (providerId === STRIPE_PROVIDER) {
          const confirm = confirmCard.current
          if (!confirm) {
            setPayError("The card form is still loading. Wait a moment, then place the order again.")
            return
          }
          const prepared = await preparePayment(formData)
          if ("error" in prepared) {
            setPayError(prepared.error)
            return
          }
          let paid: { error?: string }
          try {
            paid = await confirm(prepared.data, billingDetails(formData))
          } catch {
            paid = { error: "Stripe could not be reached. Nothing was charged; check your connection and try again." }
          }
          if (paid.error) {
            setPayError(paid.error)
            return
          }
          // Sends the client to the confirmation page; only a refusal comes back.
          const refused = await completeOrder()
          setPayError(refused?.error)
          return
        }
        const prepared = await preparePayment(formData)
        if ("error" in prepared) {
          setPayError(prepared.error)
          return
        }
        setPaypalSession(prepared)
      } catch (e) {
        // The way to the confirmation page comes as an error: let Next.js follow it.
        unstable_rethrow(e)
        setPayError("The store could not be reached. Check your connection and try again; a card payment already made is not taken twice.")
      }
    })
  }

  const busy = pending || paying
  const error = lastTry === "browser" ? payError : state?.error
  const charged = (
    <span className="mt-1 block text-sm" data-testid="charged-amount">
      You will be charged <strong>{formatMoney(due, cart.currency_code)}</strong>
    </span>
  )
  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={(e) => {
        if (!inBrowser) {
          setLastTry("form")
          return
        }
        e.preventDefault()
        setLastTry("browser")
        payInBrowser(new FormData(e.currentTarget))
      }}
      onChange={() => paypalSession && setPaypalSession(undefined)}
      className="flex flex-col gap-8"
      key={state?.error ? JSON.stringify(typed) : "form"}
    >
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
        <div className="sm:col-span-2">
          <label htmlFor="country_code" className="label">Country</label>
          <select
            id="country_code"
            name="country_code"
            required
            autoComplete="country"
            className="input"
            defaultValue={initialCountry}
            onChange={(e) => setCountry(e.target.value)}
          >
            {countries.map((c) => (
              <option key={c.iso_2} value={c.iso_2 ?? ""}>
                {c.display_name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="city" className="label">City</label>
          <input id="city" name="city" required autoComplete="address-level2" className="input" defaultValue={typed.city ?? a?.city ?? ""} />
        </div>
        <div>
          <label htmlFor="province" className="label">
            {province.label}
            {province.required ? null : <span className="font-normal text-ink-faint"> (optional)</span>}
          </label>
          {province.options ? (
            // Keyed by country: switching between the US and Canada starts from an empty choice.
            <select
              key={country}
              id="province"
              name="province"
              required
              autoComplete="address-level1"
              className="input"
              defaultValue={normalizeProvince(country, typed.province ?? a?.province ?? "") ?? ""}
              data-testid="province-select"
            >
              <option value="" disabled>
                Choose…
              </option>
              {province.options.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          ) : (
            <input
              key={country}
              id="province"
              name="province"
              autoComplete="address-level1"
              className="input"
              maxLength={100}
              defaultValue={typed.province ?? a?.province ?? ""}
            />
          )}
        </div>
        <div>
          <label htmlFor="postal_code" className="label">Postal code</label>
          <input id="postal_code" name="postal_code" required autoComplete="postal-code" className="input" defaultValue={typed.postal_code ?? a?.postal_code ?? ""} />
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
              providers.map((p) => {
                const l = label(p.id)
                const paidHere = p.id === STRIPE_PROVIDER || p.id === PAYPAL_PROVIDER
                const off = !configured(p.id)
                return (
                  <div key={p.id} className="flex flex-col gap-3">
                    <label
                      className={`flex items-start gap-3 rounded-lg border border-line p-4 has-[:checked]:border-brand has-[:checked]:bg-brand-soft ${off ? "cursor-not-allowed opacity-60" : "cursor-pointer"}`}
                    >
                      <input
                        type="radio"
                        name="provider_id"
                        value={p.id}
                        defaultChecked={p.id === initial}
                        disabled={off}
                        required
                        className="mt-1"
                        onChange={(e) => e.target.checked && setSelected(p.id)}
                      />
                      <span>
                        <span className="block font-semibold">{l.title}</span>
                        {l.detail ? <span className="block text-sm text-ink-soft">{l.detail}</span> : null}
                        {off ? (
                          <span className="mt-1 block text-sm text-red-700" data-testid="payment-not-configured">
                            {p.id === STRIPE_PROVIDER ? "Card payments are not configured" : "PayPal payments are not configured"}
                          </span>
                        ) : paidHere ? (
                          charged
                        ) : null}
                      </span>
                    </label>
                    {p.id === STRIPE_PROVIDER && !off && selected === p.id ? (
                      <StripePayment publishableKey={payments.stripeKey!} onReady={onCardReady} />
                    ) : null}
                    {p.id === PAYPAL_PROVIDER && paypal ? (
                      <div className="flex flex-col gap-2">
                        <p className="text-sm text-ink-soft">Approve the payment with PayPal to place your order.</p>
                        <PayPalPayment clientId={payments.paypalClientId!} currencyCode={paypal.currency_code} data={paypal.data} />
                      </div>
                    ) : null}
                  </div>
                )
              })
            ) : (
              <p className="text-sm text-red-700">No payment method is available in this region.</p>
            )}
          </>
        )}
      </fieldset>

      <FormError message={error} />
      {paypal ? null : (
        <button
          type="submit"
          className="btn-primary py-3 text-base"
          disabled={busy || switching || (!nothingToPay && !usable.length)}
          data-testid="place-order"
        >
          {!nothingToPay && selected === PAYPAL_PROVIDER
            ? busy
              ? "Preparing PayPal…"
              : "Continue to PayPal"
            : busy
              ? "Placing order…"
              : "Place order"}
        </button>
      )}
    </form>
  )
}
