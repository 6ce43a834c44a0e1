import Link from "next/link"
import type { FolderNode } from "@lib/data/folders"
import { flattenTree, totalServices } from "@lib/util/folders"
import FolderSelect from "./folder-select"

function Count({ n }: { n: number }) {
  return (
    <>
      <span aria-hidden className="ml-auto min-w-[1.5rem] rounded-full bg-gray-100 px-1.5 py-0.5 text-center text-xs font-medium text-ink-soft">
        {n}
      </span>
      <span className="sr-only">, {n} {n === 1 ? "service" : "services"}</span>
    </>
  )
}

const item = (active: boolean) =>
  `flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm ${active ? "bg-brand-soft font-semibold text-brand" : "text-ink hover:bg-gray-100"}`

function Branch({ folders, current }: { folders: FolderNode[]; current?: string }) {
  return (
    <ul className="flex flex-col gap-0.5">
      {folders.map((f) => (
        <li key={f.id}>
          <Link
            href={`/services/folders/${f.handle}`}
            aria-current={current === f.handle ? "page" : undefined}
            className={item(current === f.handle)}
            title={f.description ?? undefined}
            data-testid="folder-link"
          >
            <span className="truncate">{f.name}</span>
            <Count n={totalServices(f)} />
          </Link>
          {f.children.length ? (
            <div className="ml-3 border-l border-line pl-2">
              <Branch folders={f.children} current={current} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/**
 * Catalog navigation: the store's visible folders as a tree, each with the
 * number of services in it and its sub-folders. A sidebar on wide screens, a
 * single select on phones. `current` is the open folder's handle.
 */
export default function FolderNav({
  folders,
  current,
  allCount,
}: {
  folders: FolderNode[]
  current?: string
  /** Number of services in the whole catalog, shown beside "All services". */
  allCount?: number
}) {
  const flat = flattenTree(folders)
  return (
    <>
      <div className="lg:hidden">
        <FolderSelect
          current={current ?? ""}
          options={[
            { value: "", label: `All services${allCount != null ? ` (${allCount})` : ""}` },
            ...flat.map(({ folder, depth }) => ({
              value: folder.handle,
              label: `${"\u00a0\u00a0".repeat(depth)}${depth ? "└ " : ""}${folder.name} (${totalServices(folder)})`,
            })),
          ]}
        />
      </div>
      <nav aria-label="Service folders" className="card hidden p-3 lg:block">
        <p className="px-2 pb-2 text-xs font-semibold uppercase tracking-wide text-ink-faint">Browse</p>
        <ul className="flex flex-col gap-0.5">
          <li>
            <Link href="/services" aria-current={!current ? "page" : undefined} className={item(!current)}>
              <span>All services</span>
              {allCount != null ? <Count n={allCount} /> : null}
            </Link>
          </li>
        </ul>
        {folders.length ? (
          <div className="mt-0.5">
            <Branch folders={folders} current={current} />
          </div>
        ) : null}
      </nav>
    </>
  )
}
