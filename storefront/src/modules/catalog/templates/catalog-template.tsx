import type { FolderNode } from "@lib/data/folders"
import Pagination from "@modules/common/components/pagination"
import FolderNav from "../components/folder-nav"
import ServiceCard, { type ServiceSummary } from "../components/service-card"

/** A grid of service cards, or a note when there are none. */
export function ServiceGrid({ services, currency, empty }: { services: ServiceSummary[]; currency: string; empty: string }) {
  return services.length ? (
    <ul className="grid gap-3 sm:grid-cols-2 sm:gap-5 xl:grid-cols-3">
      {services.map((p) => (
        <li key={p.id} className="flex">
          <ServiceCard product={p} currency={currency} />
        </li>
      ))}
    </ul>
  ) : (
    <p className="card p-8 text-center text-ink-soft">{empty}</p>
  )
}

/** Catalog page: folder navigation beside a paginated grid of services. */
export default function CatalogTemplate({
  title,
  products,
  count,
  page,
  pageSize,
  folders,
  currency,
}: {
  title: string
  products: ServiceSummary[]
  count: number
  page: number
  pageSize: number
  folders: FolderNode[]
  currency: string
}) {
  const pages = Math.max(1, Math.ceil(count / pageSize))
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-1 text-ink-soft">{count} services</p>
      <div className="mt-8 grid gap-6 lg:grid-cols-[14rem_1fr]">
        <aside>
          <FolderNav folders={folders} allCount={count} />
        </aside>
        <section aria-label="Services">
          <ServiceGrid services={products} currency={currency} empty="No services here yet." />
          <Pagination page={page} pages={pages} />
        </section>
      </div>
    </div>
  )
}
