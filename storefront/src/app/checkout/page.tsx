import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { listPaymentProviders, retrieveCartWithCredit } from "@lib/data/cart"
import { retrieveCustomer } from "@lib/data/customer"
import { paymentKeys } from "@lib/payment-keys"
import CartTotals from "@modules/cart/components/cart-totals"
import CheckoutForm from "@modules/checkout/components/checkout-form"
import { formatMoney } from "@lib/util/money"

export const metadata: Metadata = { title: "Checkout" }

export default async function CheckoutPage() {
  const { cart, credit } = await retrieveCartWithCredit()
  if (!cart?.items?.length) {
    redirect("/cart")
  }
  const [providers, customer] = await Promise.all([listPaymentProviders(cart.region_id!), retrieveCustomer()])
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Checkout</h1>
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <CheckoutForm cart={cart} providers={providers} customer={customer} credit={credit} payments={paymentKeys()} />
        <aside className="card flex h-fit flex-col gap-4 p-5" aria-label="Order summary">
          <h2 className="font-semibold">Order summary</h2>
          <ul className="flex flex-col gap-2 text-sm">
            {cart.items.map((i) => (
              <li key={i.id} className="flex justify-between gap-3">
                <span>
                  {i.product_title} {i.variant_title && i.variant_title !== "Default" ? `· ${i.variant_title}` : ""} × {i.quantity}
                </span>
                <span>{formatMoney(i.subtotal, cart.currency_code)}</span>
              </li>
            ))}
          </ul>
          <CartTotals totals={cart} />
        </aside>
      </div>
    </div>
  )
}
