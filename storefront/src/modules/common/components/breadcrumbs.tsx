import Link from "next/link"

/**
 * "Services / Parent folder / … / current page": the folders leading to a
 * page (each a link to its folder page), then the page itself.
 */
export default function Breadcrumbs({
  folders,
  current,
}: {
  folders: { id: string; name: string; handle: string }[]
  current: string
}) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-ink-faint">
      <ol className="flex flex-wrap items-center gap-1.5" data-testid="breadcrumbs">
        <li>
          <Link href="/services" className="hover:text-ink">Services</Link>
        </li>
        {folders.map((f) => (
          <li key={f.id} className="flex items-center gap-1.5">
            <span aria-hidden>/</span>
            <Link href={`/services/folders/${f.handle}`} className="hover:text-ink">{f.name}</Link>
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden>/</span>
          <span aria-current="page" className="text-ink-soft">{current}</span>
        </li>
      </ol>
    </nav>
  )
}
