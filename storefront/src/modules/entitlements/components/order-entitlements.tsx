import type { Entitlement } from "@lib/util/entitlements"
import EntitlementList from "./entitlement-list"

/** An order's files and license keys under a heading (its page); nothing when it has none. */
export default function OrderEntitlements({ entitlements, className = "" }: { entitlements: Entitlement[]; className?: string }) {
  if (!entitlements.length) {
    return null
  }
  return (
    <section className={className} aria-labelledby="order-files-title" data-testid="order-entitlements">
      <h2 id="order-files-title" className="text-xl font-semibold">
        Files &amp; keys
      </h2>
      <p className="mb-4 mt-1 text-ink-soft">Download the latest version of your files and manage your license keys.</p>
      <EntitlementList entitlements={entitlements} showOrder={false} />
    </section>
  )
}
