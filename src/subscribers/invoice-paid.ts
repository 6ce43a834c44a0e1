import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InvoiceEvents } from "../modules/invoice/constants"
import { afterPaymentWorkflow } from "../workflows/service-order/workflows/after-payment"

/**
 * Portico's single post-payment trigger: `portico.invoice.paid` runs the
 * `portico-after-payment` workflow (service orders, confirmation emails).
 * The workflow is idempotent, so a duplicated or late event is harmless.
 */
export default async function invoicePaidHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await afterPaymentWorkflow(container).run({ input: { invoice_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: InvoiceEvents.PAID,
  context: { subscriberId: "portico-after-payment" },
}
