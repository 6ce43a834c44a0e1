import type { ServiceOrder } from "@lib/util/intake"
import ServiceOrderList from "./service-order-list"

/**
 * An order's service orders (one per purchased unit) under a heading, with
 * a line asking for the briefs still to fill in; nothing when the order has
 * none yet (e.g. a bank transfer not received yet).
 */
export default function OrderServiceOrders({ serviceOrders, className = "" }: { serviceOrders: ServiceOrder[]; className?: string }) {
  if (!serviceOrders.length) {
    return null
  }
  const toFill = serviceOrders.filter((so) => so.intake_required).length
  return (
    <section className={className} aria-labelledby="service-orders-title" data-testid="order-service-orders">
      <h2 id="service-orders-title" className="text-xl font-semibold">
        {toFill ? "Tell us about your project" : "Your services"}
      </h2>
      <p className="mb-4 mt-1 text-ink-soft" data-testid="service-orders-intro">
        {toFill
          ? toFill === 1
            ? "One service needs a short brief from you before we can start: fill it in below."
            : `${toFill} services need a short brief from you before we can start: fill them in below.`
          : "Where each service you bought stands."}
      </p>
      <ServiceOrderList serviceOrders={serviceOrders} />
    </section>
  )
}
