import Link from "next/link"
import { perPeriod, type ServiceSettings } from "@lib/util/billing"
import Price from "@modules/common/components/price"

type CalculatedPrice = { calculated_amount?: number | null; currency_code?: string | null } | null

/**
 * What a card needs of a service: a Medusa store product, or a service of a
 * folder page (`/store/portico/folders/:id/services`).
 */
export type ServiceSummary = {
  id: string
  title: string
  handle: string
  description?: string | null
  variants?: { calculated_price?: CalculatedPrice }[] | null
  service_settings?: ServiceSettings | null
}

/** Lowest price among a service's variants in the current region, if priced there. */
export function fromPrice(product: Pick<ServiceSummary, "variants">) {
  const prices = (product.variants ?? [])
    .map((v) => v.calculated_price)
    .filter((p): p is NonNullable<CalculatedPrice> => p?.calculated_amount != null)
  if (!prices.length) {
    return undefined
  }
  const cheapest = prices.reduce((a, b) => ((a.calculated_amount ?? 0) <= (b.calculated_amount ?? 0) ? a : b))
  return { amount: cheapest.calculated_amount ?? 0, currency: cheapest.currency_code ?? "usd", several: prices.length > 1 }
}

const tints = ["from-indigo-500 to-violet-500", "from-sky-500 to-cyan-500", "from-emerald-500 to-teal-500", "from-amber-500 to-orange-500", "from-rose-500 to-pink-500"]

/**
 * A service in a catalog grid, linking to its page. Priced in the client's
 * currency, or marked "Not available in <currency>" (it stays listed, so the
 * client knows it exists, but cannot be bought in this currency).
 */
export default function ServiceCard({ product, currency }: { product: ServiceSummary; currency: string }) {
  const price = fromPrice(product)
  const tint = tints[(product.title?.length ?? 0) % tints.length]
  const period = perPeriod(product.service_settings)
  return (
    <Link
      href={`/services/${product.handle}`}
      // Phones: a compact row (colour block beside the text); wider screens: a tile.
      className="card group flex w-full flex-row overflow-hidden transition-shadow hover:shadow-md sm:flex-col"
      data-testid="service-card"
      data-available={price ? "true" : "false"}
    >
      <div
        className={`flex w-16 shrink-0 items-end bg-gradient-to-br p-3 sm:h-28 sm:w-auto sm:p-4 ${tint} ${price ? "" : "opacity-50 grayscale"}`}
        aria-hidden
      >
        <span className="text-2xl font-bold text-white/90 sm:text-3xl">{product.title?.charAt(0)}</span>
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1 p-3 sm:gap-2 sm:p-4">
        <h3 className="font-semibold group-hover:text-brand">{product.title}</h3>
        <p className="line-clamp-2 text-sm text-ink-soft">{product.description}</p>
        <p className="mt-auto pt-1 text-sm sm:pt-2" data-testid="service-card-price">
          {price ? (
            <>
              {price.several ? <span className="text-ink-faint">From </span> : null}
              <Price amount={price.amount} currency={price.currency} className="font-semibold" />
              {period ? <span className="text-ink-faint"> {period}</span> : null}
            </>
          ) : (
            <span className="inline-block rounded-md bg-gray-100 px-2 py-0.5 text-xs font-medium text-ink-soft">
              Not available in {currency.toUpperCase()}
            </span>
          )}
        </p>
      </div>
    </Link>
  )
}
