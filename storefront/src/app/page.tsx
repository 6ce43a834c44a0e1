import Link from "next/link"
import { listServices } from "@lib/data/products"
import { getCurrentRegion } from "@lib/data/regions"
import ServiceCard from "@modules/catalog/components/service-card"

export default async function HomePage() {
  const region = await getCurrentRegion().catch(() => undefined)
  const { products } = region ? await listServices({ regionId: region.id, limit: 3 }) : { products: [] }
  return (
    <>
      <section className="border-b border-line bg-gradient-to-b from-brand-soft to-paper">
        <div className="mx-auto max-w-content px-4 py-16 sm:px-6 sm:py-24">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand">Design · Marketing · Consulting</p>
          <h1 className="mt-3 max-w-2xl text-4xl font-bold tracking-tight sm:text-5xl">
            Expert services, bought as easily as a product.
          </h1>
          <p className="mt-4 max-w-xl text-lg text-ink-soft">
            Pick a service, pay online, and follow the work in your customer portal. Prices shown in your currency.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/services" className="btn-primary" data-testid="browse-services">
              Browse services
            </Link>
            <Link href="/portal" className="btn-secondary">
              Your purchases
            </Link>
          </div>
        </div>
      </section>
      <section className="mx-auto max-w-content px-4 py-12 sm:px-6" aria-labelledby="featured">
        <div className="flex items-baseline justify-between">
          <h2 id="featured" className="text-2xl font-bold tracking-tight">Popular services</h2>
          <Link href="/services" className="text-sm font-semibold text-brand hover:underline">See all</Link>
        </div>
        <ul className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {products.map((p) => (
            <li key={p.id} className="flex">
              <ServiceCard product={p} currency={region?.currency_code ?? "usd"} />
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
