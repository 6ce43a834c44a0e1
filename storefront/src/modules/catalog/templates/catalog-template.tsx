import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import type { Folder } from "@lib/data/folders"
import FolderNav from "../components/folder-nav"
import ServiceCard from "../components/service-card"

/** Catalog page: folder navigation beside a paginated grid of services. */
export default function CatalogTemplate({
  title,
  products,
  count,
  page,
  pageSize,
  folders,
}: {
  title: string
  products: HttpTypes.StoreProduct[]
  count: number
  page: number
  pageSize: number
  folders: Folder[]
}) {
  const pages = Math.max(1, Math.ceil(count / pageSize))
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-1 text-ink-soft">{count} services</p>
      <div className="mt-8 grid gap-6 lg:grid-cols-[14rem_1fr]">
        <aside>
          <FolderNav folders={folders} />
        </aside>
        <section aria-label="Services">
          {products.length ? (
            <ul className="grid gap-5 sm:grid-cols-2 xl:grid-cols-3">
              {products.map((p) => (
                <li key={p.id} className="flex">
                  <ServiceCard product={p} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="card p-8 text-center text-ink-soft">No services here yet.</p>
          )}
          {pages > 1 ? (
            <nav aria-label="Pages" className="mt-8 flex items-center justify-center gap-3 text-sm">
              {page > 1 ? <Link className="btn-secondary" href={`?page=${page - 1}`}>Previous</Link> : null}
              <span>
                Page {page} of {pages}
              </span>
              {page < pages ? <Link className="btn-secondary" href={`?page=${page + 1}`}>Next</Link> : null}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  )
}
