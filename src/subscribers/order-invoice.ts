import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { untilCheckoutSettled } from "../workflows/checkout/settle-lock"
import { syncOrderInvoiceWorkflow } from "../workflows/invoice/workflows/sync-order-invoice"

/**
 * Moves invoices along with their orders: `open` (numbered) when the order is
 * placed, `paid` when its payment is confirmed (at placement or when a
 * payment is captured later), `void` when it is canceled unpaid. Orders not
 * placed from a cart (draft orders) have no invoice. Portico's checkout does
 * this on the client's request: the subscriber first waits until that
 * checkout has settled the order (`untilCheckoutSettled`), then finds it done.
 */
export default async function orderInvoiceHandler({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let orderId = event.data.id
  if (event.name === "payment.captured") {
    const {
      data: [payment],
    } = await query.graph({
      entity: "payment",
      fields: ["payment_collection_id"],
      filters: { id: event.data.id },
    })
    const { data: links } = payment
      ? await query.graph({
          entity: "order_payment_collection",
          fields: ["order_id"],
          filters: { payment_collection_id: payment.payment_collection_id },
        })
      : { data: [] }
    orderId = (links[0] as { order_id?: string } | undefined)?.order_id ?? ""
  }
  if (!orderId) {
    return
  }
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "cart.id"], filters: { id: orderId } })
  if (!order?.cart?.id) {
    return
  }
  await untilCheckoutSettled(container, order.cart.id)
  await syncOrderInvoiceWorkflow(container).run({ input: { order_id: orderId } })
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", "payment.captured"],
  context: { subscriberId: "portico-order-invoice" },
}
