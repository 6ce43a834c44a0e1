import Link from "next/link"
import { serviceOrderPath, serviceOrderTitle, statusDescription, unitLabel, type ServiceOrder } from "@lib/util/intake"
import StatusBadge from "./status-badge"

/**
 * Service orders, one row each: the service (and which unit of the line,
 * "1 of 2"), its status in words, and for one waiting for the client's brief
 * a clear call to fill in the intake form; the others link to their page.
 * `showOrder` names the order each belongs to (the account's list).
 */
export default function ServiceOrderList({
  serviceOrders,
  showOrder = false,
}: {
  serviceOrders: ServiceOrder[]
  showOrder?: boolean
}) {
  return (
    <ul className="card divide-y divide-line" data-testid="service-orders">
      {serviceOrders.map((so) => {
        const unit = unitLabel(so)
        const href = serviceOrderPath(so.id)
        return (
          <li
            key={so.id}
            className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
            data-testid="service-order"
            data-id={so.id}
            data-status={so.status}
          >
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Link href={href} className="font-semibold hover:underline" data-testid="service-order-title">
                  {serviceOrderTitle(so)}
                </Link>
                {unit ? (
                  <span className="text-sm text-ink-soft" data-testid="service-order-unit">
                    {unit}
                  </span>
                ) : null}
                <StatusBadge status={so.status} />
              </p>
              <p className="mt-1 text-sm text-ink-soft">
                {showOrder && so.order_display_id != null ? (
                  <>
                    <Link href={`/portal/orders/${so.order_id}`} className="hover:underline" data-testid="service-order-order">
                      Order #{so.order_display_id}
                    </Link>
                    {" · "}
                  </>
                ) : null}
                {statusDescription(so)}
              </p>
            </div>
            {so.intake_required ? (
              <Link href={href} className="btn-primary shrink-0" data-testid="intake-link">
                Fill in the brief<span className="sr-only"> for {serviceOrderTitle(so)}{unit ? ` (${unit})` : ""}</span>
              </Link>
            ) : (
              <Link href={href} className="btn-secondary shrink-0" data-testid="service-order-link">
                View<span className="sr-only"> {serviceOrderTitle(so)}{unit ? ` (${unit})` : ""}</span>
              </Link>
            )}
          </li>
        )
      })}
    </ul>
  )
}
