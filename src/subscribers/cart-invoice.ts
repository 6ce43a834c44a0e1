import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncCartInvoiceWorkflow } from "../workflows/invoice/workflows/sync-cart-invoice"

/**
 * Keeps a cart's invoice mirroring the cart: created on the first item,
 * updated on every change Medusa announces. Mirroring is idempotent and
 * ignores stale snapshots, so duplicate or reordered events are harmless.
 * (Changes Medusa emits no event for, such as coupon codes, are mirrored the
 * next time the invoice is read or the order is placed.)
 */
export default async function cartInvoiceHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  if (event.name === "cart.created") {
    // Most carts are created empty: nothing to mirror until the first item.
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [cart],
    } = await query.graph({ entity: "cart", fields: ["id", "items.id"], filters: { id: event.data.id } })
    if (!cart?.items?.length) {
      return
    }
  }
  await syncCartInvoiceWorkflow(container).run({ input: { cart_id: event.data.id } })
}

export const config: SubscriberConfig = {
  // `cart.region_updated` and `cart.customer_updated` always come with
  // `cart.updated`; listening to them too would mirror twice.
  event: ["cart.created", "cart.updated", "cart.customer_transferred"],
  context: { subscriberId: "portico-cart-invoice" },
}
