import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncCartInvoiceWorkflow } from "../workflows/invoice/workflows/sync-cart-invoice"

/**
 * Keeps a cart's invoice mirroring the cart: created on the first item,
 * updated on every change Medusa announces. Mirroring is idempotent and
 * ignores stale snapshots, so duplicate or reordered events are harmless.
 * (Changes Medusa emits no event for, such as coupon codes, are mirrored the
 * next time the invoice is read or the order is placed.)
 */
export default async function cartInvoiceHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncCartInvoiceWorkflow(container).run({ input: { cart_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: [
    "cart.created",
    "cart.updated",
    "cart.region_updated",
    "cart.customer_updated",
    "cart.customer_transferred",
  ],
  context: { subscriberId: "portico-cart-invoice" },
}
