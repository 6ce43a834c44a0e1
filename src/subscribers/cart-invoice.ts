import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CreditEvents } from "../workflows/credit/constants"
import { mirrorCartInvoiceSoon } from "../workflows/invoice/mirror-cart-invoice-soon"

/**
 * Keeps a cart's invoice mirroring the cart: created on the first item,
 * updated on every change Medusa announces. A burst of changes to one cart
 * (add, add, change quantity…) is mirrored once, `PORTICO_INVOICE_MIRROR_DELAY_MS`
 * (250 ms) after the last, off the client's request path. Mirroring is
 * idempotent and ignores stale snapshots, so duplicate or reordered events,
 * or a mirror lost to a restart, are harmless: reading the invoice and placing
 * the order mirror the cart again (so do changes Medusa emits no event for,
 * such as coupon codes).
 */
export default async function cartInvoiceHandler({
  event,
  container,
}: SubscriberArgs<{ id?: string; cart_id?: string }>) {
  // Account credit changes the cart's totals without a cart event.
  const cartId = (event.data.cart_id ?? event.data.id) as string
  if (event.name === "cart.created") {
    // Most carts are created empty: nothing to mirror until the first item.
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [cart],
    } = await query.graph({ entity: "cart", fields: ["id", "items.id"], filters: { id: cartId } })
    if (!cart?.items?.length) {
      return
    }
  }
  mirrorCartInvoiceSoon(container, cartId)
}

export const config: SubscriberConfig = {
  // `cart.region_updated` and `cart.customer_updated` always come with
  // `cart.updated`; listening to them too would mirror twice.
  event: ["cart.created", "cart.updated", "cart.customer_transferred", CreditEvents.APPLIED],
  context: { subscriberId: "portico-cart-invoice" },
}
