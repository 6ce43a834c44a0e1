import Link from "next/link"

/**
 * A list's filters as pills ("All", "Pending", …); the one shown is marked
 * `aria-current`. Each filter is a link, so a filtered list has its own address.
 */
export default function FilterLinks({
  filters,
  label,
  testId,
}: {
  filters: { label: string; href: string; current: boolean }[]
  /** What the filters choose, for screen readers ("Filter by status"). */
  label: string
  testId?: string
}) {
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap gap-2 text-sm" data-testid={testId}>
      {filters.map((f) => (
        <Link
          key={f.label}
          href={f.href}
          aria-current={f.current ? "page" : undefined}
          className={`rounded-full border px-3 py-1 font-medium ${
            f.current ? "border-brand bg-brand-soft text-brand-dark" : "border-line bg-white text-ink-soft hover:text-ink"
          }`}
        >
          {f.label}
        </Link>
      ))}
    </nav>
  )
}
