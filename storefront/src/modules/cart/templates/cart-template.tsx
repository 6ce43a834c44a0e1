import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import CartTotals from "../components/cart-totals"
import CouponForm from "../components/coupon-form"
import LineItem from "../components/line-item"

export default function CartTemplate({ cart }: { cart?: HttpTypes.StoreCart }) {
  if (!cart?.items?.length) {
    return (
      <div className="mx-auto max-w-content px-4 py-16 text-center sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight">Your cart is empty</h1>
        <p className="mt-2 text-ink-soft">Browse the services and add what you need.</p>
        <Link href="/services" className="btn-primary mt-6">Browse services</Link>
      </div>
    )
  }
  const items = [...cart.items].sort((a, b) => (a.created_at ?? "").toString().localeCompare((b.created_at ?? "").toString()))
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Cart</h1>
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-label="Items" className="card px-5">
          <ul>
            {items.map((item) => (
              <LineItem key={item.id} item={item} currency={cart.currency_code} />
            ))}
          </ul>
        </section>
        <aside className="card flex h-fit flex-col gap-6 p-5">
          <CouponForm promotions={cart.promotions ?? []} />
          <CartTotals totals={cart} />
          <Link href="/checkout" className="btn-primary w-full" data-testid="checkout-button">
            Proceed to checkout
          </Link>
        </aside>
      </div>
    </div>
  )
}
