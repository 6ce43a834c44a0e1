import Breadcrumbs from "@modules/common/components/breadcrumbs"
import type { FolderNode } from "@lib/data/folders"
import type { Service } from "@lib/data/products"
import { billingSentence, includedItems } from "@lib/util/billing"
import AddToCart from "../components/add-to-cart"

/**
 * A service's page. `folders` is the path from the top of the catalog to the
 * service's folder (empty when it is in none, or in a hidden one).
 */
export default function ServiceTemplate({
  product,
  folders,
  currency,
}: {
  product: Service
  folders: FolderNode[]
  currency: string
}) {
  const settings = product.service_settings
  const billing = billingSentence(settings)
  const included = includedItems(settings)
  const turnaround = settings?.turnaround?.trim()
  const nextSteps = settings?.next_steps?.trim()
  return (
    <div className="mx-auto max-w-content px-4 py-6 sm:px-6 sm:py-10">
      <Breadcrumbs folders={folders} current={product.title} />
      {/* Phones: title, then price and "Add to cart", then the details; wide screens: the
          buying card beside title and details. */}
      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_24rem] lg:gap-x-10 lg:gap-y-0">
        <header className="min-w-0 lg:col-start-1">
          <h1 className="text-2xl font-bold tracking-tight sm:text-4xl">{product.title}</h1>
          {product.subtitle ? <p className="mt-2 text-lg text-ink-soft">{product.subtitle}</p> : null}
          <div className="prose mt-4 max-w-none whitespace-pre-line text-ink-soft sm:mt-6">{product.description}</div>
        </header>
        <aside className="card h-fit p-6 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <AddToCart product={product} currency={currency} billing={billing} />
        </aside>
        <article className="min-w-0 lg:col-start-1">
          {included.length || turnaround ? (
            <section className="mt-2 grid gap-6 sm:grid-cols-[1fr_14rem] lg:mt-8" aria-label="What you get">
              {included.length ? (
                <div>
                  <h2 className="text-lg font-semibold">What&apos;s included</h2>
                  <ul className="mt-3 flex flex-col gap-2" data-testid="service-included">
                    {included.map((item, i) => (
                      <li key={i} className="flex gap-2">
                        <span aria-hidden className="mt-0.5 text-emerald-600">✓</span>
                        <span>{item}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {turnaround ? (
                <div>
                  <h2 className="text-lg font-semibold">Turnaround</h2>
                  <p className="mt-3 text-ink-soft" data-testid="service-turnaround">{turnaround}</p>
                </div>
              ) : null}
            </section>
          ) : null}
          {nextSteps ? (
            <section className="mt-8" aria-labelledby="next-steps-title">
              <h2 id="next-steps-title" className="text-lg font-semibold">After you buy</h2>
              <p className="mt-3 whitespace-pre-line text-ink-soft" data-testid="service-next-steps">{nextSteps}</p>
            </section>
          ) : null}
          <ul className="mt-8 grid gap-3 text-sm sm:grid-cols-2">
            <li className="card p-4">
              <p className="font-semibold">Delivered online</p>
              <p className="text-ink-soft">Nothing is shipped: you receive your work in your account.</p>
            </li>
            <li className="card p-4">
              <p className="font-semibold">{billing ? "Billed regularly" : "Pay securely"}</p>
              <p className="text-ink-soft">
                {billing ? `${billing}.` : "Pay at checkout with the methods offered in your region."}
              </p>
            </li>
          </ul>
        </article>
      </div>
    </div>
  )
}
