import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { InvoiceEvents } from "../modules/invoice/constants"
import { type InvoiceOpenedEvent, sendPaymentInstructionsEmail } from "../workflows/notification/payment-instructions-email"

/**
 * Emails the client how to pay when an order is placed unpaid
 * (`portico.invoice.opened` for an order paid by bank transfer with a
 * deferred provider, template `payment_instructions`), once per invoice (key
 * `portico:payment_instructions:<invoice_id>`). Orders paid at once get
 * nothing. An email problem is logged, never thrown: the order flow goes on.
 */
export default async function invoiceOpenedEmailHandler({ event, container }: SubscriberArgs<InvoiceOpenedEvent>) {
  try {
    await sendPaymentInstructionsEmail(container, event.data)
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Portico could not email the payment instructions of invoice ${event.data.id}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: InvoiceEvents.OPENED,
  context: { subscriberId: "portico-payment-instructions-email" },
}
