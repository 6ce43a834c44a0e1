import type { HttpTypes } from "@medusajs/types"
import { logout } from "@lib/data/customer"
import PortalNav, { type PortalSection } from "./portal-nav"

/**
 * The frame of every portal page for a signed-in client: the page's title,
 * the client's email, "Sign out" and the portal's sections.
 */
export default function PortalShell({
  customer,
  current,
  title,
  titleTestId,
  back,
  children,
}: {
  customer: HttpTypes.StoreCustomer
  current?: PortalSection
  title: React.ReactNode
  titleTestId?: string
  /** A link above the title (a detail page's way back). */
  back?: React.ReactNode
  children: React.ReactNode
}) {
  return (
    <div className="mx-auto max-w-content px-4 py-8 sm:px-6 sm:py-10">
      {back}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-bold tracking-tight sm:text-3xl" data-testid={titleTestId}>
            {title}
          </h1>
          <p className="mt-1 break-all text-ink-soft" data-testid="portal-email">
            {customer.email}
          </p>
        </div>
        <form action={logout}>
          <button type="submit" className="btn-secondary" data-testid="sign-out">
            Sign out
          </button>
        </form>
      </div>
      <PortalNav current={current} />
      {children}
    </div>
  )
}
