import Link from "next/link"

const LINKS = [
  { href: "/portal", label: "Overview", id: "overview" },
  { href: "/portal/invoices", label: "Invoices", id: "invoices" },
  { href: "/portal/subscriptions", label: "Subscriptions", id: "subscriptions" },
  { href: "/portal/service-orders", label: "Service orders", id: "service-orders" },
  { href: "/portal/downloads", label: "Files & keys", id: "downloads" },
  { href: "/portal/credit", label: "Account credit", id: "credit" },
] as const

/** A section of the portal. */
export type PortalSection = (typeof LINKS)[number]["id"]

/** The portal's sections, as tabs (scrolling sideways on a phone); `current` is the one shown. */
export default function PortalNav({ current, className = "mt-6" }: { current?: PortalSection; className?: string }) {
  return (
    <nav
      aria-label="Customer portal"
      className={`-mx-4 overflow-x-auto border-b border-line px-4 sm:mx-0 sm:px-0 ${className}`}
      data-testid="portal-nav"
    >
      <ul className="flex min-w-max gap-1 text-sm font-medium">
        {LINKS.map((l) => (
          <li key={l.id}>
            <Link
              href={l.href}
              aria-current={l.id === current ? "page" : undefined}
              className={`-mb-px block whitespace-nowrap border-b-2 px-3 py-2 ${
                l.id === current ? "border-brand text-brand" : "border-transparent text-ink-soft hover:text-ink"
              }`}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
