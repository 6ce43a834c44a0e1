import Link from "next/link"
import Breadcrumbs from "@modules/common/components/breadcrumbs"
import Pagination from "@modules/common/components/pagination"
import type { Folder, FolderNode, FolderService } from "@lib/data/folders"
import { folderPath, totalServices } from "@lib/util/folders"
import FolderNav from "../components/folder-nav"
import { ServiceGrid } from "./catalog-template"

/**
 * A folder's page: breadcrumbs up to the catalog, its sub-folders, and a
 * paginated grid of its own services priced in the client's currency.
 */
export default function FolderTemplate({
  folder,
  tree,
  services,
  count,
  page,
  pageSize,
  currency,
}: {
  folder: Folder
  tree: FolderNode[]
  services: FolderService[]
  count: number
  page: number
  pageSize: number
  currency: string
}) {
  const path = folderPath(tree, { id: folder.id })
  const parents = path.slice(0, -1)
  const children = path[path.length - 1]?.children ?? []
  const pages = Math.max(1, Math.ceil(count / pageSize))
  const allCount = tree.reduce((n, f) => n + totalServices(f), 0)
  return (
    <div className="mx-auto max-w-content px-4 py-10 sm:px-6">
      <Breadcrumbs folders={parents} current={folder.name} />
      <h1 className="mt-3 text-3xl font-bold tracking-tight">{folder.name}</h1>
      {folder.description ? <p className="mt-1 max-w-2xl text-ink-soft">{folder.description}</p> : null}
      <p className="mt-1 text-sm text-ink-faint" data-testid="folder-count">
        {count} {count === 1 ? "service" : "services"}
      </p>
      <div className="mt-8 grid gap-6 lg:grid-cols-[14rem_1fr]">
        <aside>
          <FolderNav folders={tree} current={folder.handle} allCount={allCount} />
        </aside>
        <div className="flex flex-col gap-8">
          {children.length ? (
            <section aria-labelledby="subfolders-title">
              <h2 id="subfolders-title" className="mb-3 text-lg font-semibold">In {folder.name}</h2>
              <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
                {children.map((c) => {
                  const n = totalServices(c)
                  return (
                    <li key={c.id} className="flex">
                      <Link
                        href={`/services/folders/${c.handle}`}
                        className="card flex w-full flex-col gap-1 p-4 transition-shadow hover:shadow-md"
                        data-testid="subfolder"
                      >
                        <span className="font-semibold">{c.name}</span>
                        {c.description ? <span className="line-clamp-2 text-sm text-ink-soft">{c.description}</span> : null}
                        <span className="mt-auto pt-1 text-xs text-ink-faint">
                          {n} {n === 1 ? "service" : "services"}
                        </span>
                      </Link>
                    </li>
                  )
                })}
              </ul>
            </section>
          ) : null}
          <section aria-label={`Services in ${folder.name}`}>
            {services.length || !children.length ? (
              <ServiceGrid services={services} currency={currency} empty="No services in this folder yet." />
            ) : null}
            <Pagination page={page} pages={pages} />
          </section>
        </div>
      </div>
    </div>
  )
}
