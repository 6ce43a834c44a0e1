import Link from "next/link"
import { retrieveCart } from "@lib/data/cart"
import { retrieveCustomer } from "@lib/data/customer"
import { getCurrentRegion, listRegions } from "@lib/data/regions"
import RegionSelect from "./region-select"

/** Site header: brand, navigation, region/currency and cart count. */
export default async function Header() {
  const [regions, region, cart, customer] = await Promise.all([
    listRegions().catch(() => []),
    getCurrentRegion().catch(() => undefined),
    retrieveCart(),
    retrieveCustomer(),
  ])
  const count = cart?.items?.reduce((n, i) => n + i.quantity, 0) ?? 0

  return (
    <header className="sticky top-0 z-40 border-b border-line bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-content items-center justify-between gap-2 px-3 py-3 sm:gap-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand text-white">P</span>
          <span className="hidden sm:inline">Portico Studio</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-0.5 whitespace-nowrap text-sm font-medium sm:gap-3">
          <Link href="/services" className="rounded-md px-2 py-1.5 hover:bg-gray-100">
            Services
          </Link>
          <Link href="/portal" className="rounded-md px-2 py-1.5 hover:bg-gray-100" data-testid="portal-link">
            {customer ? "Account" : "Sign in"}
          </Link>
          {regions.length > 1 && region ? <RegionSelect regions={regions} currentId={region.id} /> : null}
          <Link
            href="/cart"
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 hover:bg-gray-100"
            data-testid="cart-link"
          >
            Cart
            <span
              className="min-w-[1.5rem] rounded-full bg-brand-soft px-1.5 py-0.5 text-center text-xs font-semibold text-brand"
              aria-label={`${count} items in cart`}
              data-testid="cart-count"
            >
              {count}
            </span>
          </Link>
        </nav>
      </div>
    </header>
  )
}
