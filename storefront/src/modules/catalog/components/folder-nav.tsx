import Link from "next/link"
import type { Folder } from "@lib/data/folders"

/**
 * Catalog navigation. Lists the store's folders; until services are placed in
 * folders, "All services" is the only filter that narrows anything.
 */
export default function FolderNav({ folders, current }: { folders: Folder[]; current?: string }) {
  return (
    <nav aria-label="Service folders" className="card p-3">
      <p className="px-2 pb-2 text-xs font-semibold uppercase tracking-wide text-ink-faint">Browse</p>
      <ul className="flex flex-row flex-wrap gap-1 lg:flex-col">
        <li>
          <Link
            href="/services"
            aria-current={!current ? "page" : undefined}
            className={`block rounded-lg px-2 py-1.5 text-sm ${!current ? "bg-brand-soft font-semibold text-brand" : "hover:bg-gray-100"}`}
          >
            All services
          </Link>
        </li>
        {folders.map((f) => (
          <li key={f.id}>
            <span className="block rounded-lg px-2 py-1.5 text-sm text-ink-soft" title={f.description ?? undefined}>
              {f.name}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  )
}
