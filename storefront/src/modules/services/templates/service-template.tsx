import Breadcrumbs from "@modules/common/components/breadcrumbs"
import type { FolderNode } from "@lib/data/folders"
import type { Service } from "@lib/data/products"
import { billingSentence } from "@lib/util/billing"
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
  const billing = billingSentence(product.service_settings)
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <Breadcrumbs folders={folders} current={product.title} />
      <div className="mt-6 grid gap-10 lg:grid-cols-[1fr_24rem]">
        <article>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{product.title}</h1>
          {product.subtitle ? <p className="mt-2 text-lg text-ink-soft">{product.subtitle}</p> : null}
          <div className="prose mt-6 max-w-none whitespace-pre-line text-ink-soft">{product.description}</div>
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
        <aside className="card h-fit p-6">
          <AddToCart product={product} currency={currency} billing={billing} />
        </aside>
      </div>
    </div>
  )
}
