import Link from "next/link"

const LINKS = [
  { href: "/account", label: "Orders", id: "orders" },
  { href: "/account/service-orders", label: "Service orders", id: "service-orders" },
  { href: "/account/credit", label: "Account credit", id: "credit" },
] as const

/** The account's sections, as tabs; `current` is the one shown. */
export default function AccountNav({ current }: { current: (typeof LINKS)[number]["id"] }) {
  return (
    <nav aria-label="Account" className="mt-6 flex gap-1 border-b border-line text-sm font-medium" data-testid="account-nav">
      {LINKS.map((l) => (
        <Link
          key={l.id}
          href={l.href}
          aria-current={l.id === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 ${
            l.id === current ? "border-brand text-brand" : "border-transparent text-ink-soft hover:text-ink"
          }`}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  )
}
