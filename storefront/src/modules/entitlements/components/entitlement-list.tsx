import type { Entitlement } from "@lib/util/entitlements"
import EntitlementCard from "./entitlement-card"

/** Purchases with their files and license keys, one card each. */
export default function EntitlementList({ entitlements, showOrder = true }: { entitlements: Entitlement[]; showOrder?: boolean }) {
  return (
    <div className="flex flex-col gap-4" data-testid="entitlements">
      {entitlements.map((e) => (
        <EntitlementCard key={e.line_item_id} entitlement={e} showOrder={showOrder} />
      ))}
    </div>
  )
}
