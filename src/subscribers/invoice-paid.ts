import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InvoiceEvents } from "../modules/invoice/constants"
import { untilCheckoutSettled } from "../workflows/checkout/settle-lock"
import { afterPaymentWorkflow } from "../workflows/service-order/workflows/after-payment"

/**
 * Portico's single post-payment trigger: `portico.invoice.paid` runs the
 * `portico-after-payment` workflow (service orders, confirmation emails).
 * The workflow is idempotent, so a duplicated or late event is harmless.
 * When a checkout is still settling the invoice's order (it creates the
 * service orders on the client's request and leaves the emails to this run),
 * it waits for that first (`untilCheckoutSettled`). The order's invoice sync
 * names the cart in the event; a paid event without one (a renewal, a
 * manual payment) has no checkout to wait for.
 */
export default async function invoicePaidHandler({ event, container }: SubscriberArgs<{ id: string; cart_id?: string | null }>) {
  await untilCheckoutSettled(container, event.data.cart_id)
  await afterPaymentWorkflow(container).run({ input: { invoice_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: InvoiceEvents.PAID,
  context: { subscriberId: "portico-after-payment" },
}
