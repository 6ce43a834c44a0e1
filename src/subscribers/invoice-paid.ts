import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PORTICO_INVOICE_MODULE } from "../modules/invoice"
import { InvoiceEvents } from "../modules/invoice/constants"
import type InvoiceModuleService from "../modules/invoice/service"
import { untilCheckoutSettled } from "../workflows/checkout/settle-lock"
import { afterPaymentWorkflow } from "../workflows/service-order/workflows/after-payment"

/**
 * Portico's single post-payment trigger: `portico.invoice.paid` runs the
 * `portico-after-payment` workflow (service orders, confirmation emails).
 * The workflow is idempotent, so a duplicated or late event is harmless.
 * When a checkout is still settling the invoice's order (it creates the
 * service orders on the client's request and leaves the emails to this run),
 * it waits for that first (`untilCheckoutSettled`).
 */
export default async function invoicePaidHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const [invoice] = await container
    .resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    .listInvoices({ id: event.data.id }, { select: ["id", "cart_id"], take: 1 })
  await untilCheckoutSettled(container, invoice?.cart_id)
  await afterPaymentWorkflow(container).run({ input: { invoice_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: InvoiceEvents.PAID,
  context: { subscriberId: "portico-after-payment" },
}
