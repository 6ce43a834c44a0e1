import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import Price from "@modules/common/components/price"

/** Lowest price among a service's variants in the current region, if priced there. */
export function fromPrice(product: HttpTypes.StoreProduct) {
  const prices = (product.variants ?? [])
    .map((v) => v.calculated_price)
    .filter((p): p is NonNullable<typeof p> => p?.calculated_amount != null)
  if (!prices.length) {
    return undefined
  }
  const cheapest = prices.reduce((a, b) => ((a.calculated_amount ?? 0) <= (b.calculated_amount ?? 0) ? a : b))
  return { amount: cheapest.calculated_amount ?? 0, currency: cheapest.currency_code ?? "usd", several: prices.length > 1 }
}

const tints = ["from-indigo-500 to-violet-500", "from-sky-500 to-cyan-500", "from-emerald-500 to-teal-500", "from-amber-500 to-orange-500", "from-rose-500 to-pink-500"]

export default function ServiceCard({ product }: { product: HttpTypes.StoreProduct }) {
  const price = fromPrice(product)
  const tint = tints[(product.title?.length ?? 0) % tints.length]
  return (
    <Link
      href={`/services/${product.handle}`}
      className="card group flex flex-col overflow-hidden transition-shadow hover:shadow-md"
      data-testid="service-card"
    >
      <div className={`flex h-28 items-end bg-gradient-to-br p-4 ${tint}`} aria-hidden>
        <span className="text-3xl font-bold text-white/90">{product.title?.charAt(0)}</span>
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <h3 className="font-semibold group-hover:text-brand">{product.title}</h3>
        <p className="line-clamp-2 text-sm text-ink-soft">{product.description}</p>
        <p className="mt-auto pt-2 text-sm">
          {price ? (
            <>
              {price.several ? <span className="text-ink-faint">From </span> : null}
              <Price amount={price.amount} currency={price.currency} className="font-semibold" />
            </>
          ) : (
            <span className="text-ink-faint">Not available in this currency</span>
          )}
        </p>
      </div>
    </Link>
  )
}
