import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { InvoiceStatus, PORTICO_INVOICE_MODULE } from "../../modules/invoice/constants"
import type InvoiceModuleService from "../../modules/invoice/service"
import { type OrderForEmail, paymentInstructionsData } from "./email-data"
import {
  orderPaymentInstructions,
  type OrderForPaymentInstructions,
  PAYMENT_INSTRUCTIONS_ORDER_FIELDS,
} from "./payment-instructions"
import { canSendEmails, emailSettings, sendPorticoEmails, type SentEmail } from "./send-email"

/** Payload of `portico.invoice.opened` (see `portico-sync-order-invoice`). */
export type InvoiceOpenedEvent = { id: string; number?: string | null; cart_id?: string | null; order_id?: string | null }

/** Idempotency key of an invoice's `payment_instructions` email. */
export const paymentInstructionsKey = (invoiceId: string) => `portico:payment_instructions:${invoiceId}`

/**
 * Emails the client how to pay an order placed unpaid (template
 * `payment_instructions`, key `portico:payment_instructions:<invoice_id>`):
 * the amount due, the merchant's bank details and instructions with the
 * invoice number as the reference, computed by
 * {@link orderPaymentInstructions} like the confirmation page.
 *
 * Sends only when the order's payment is a bank transfer by a provider in the
 * invoice module's `deferred_payment_providers` and the invoice is still
 * `open`; nothing for orders paid at once (their invoice is already `paid`
 * when the event is handled), for a voided invoice, or twice for a
 * redelivered event. Never throws for a failed send (see
 * `sendPorticoEmails`); the caller logs anything else.
 */
export async function sendPaymentInstructionsEmail(
  container: MedusaContainer,
  event: InvoiceOpenedEvent
): Promise<SentEmail[]> {
  if (!event.id || !event.order_id || !canSendEmails(container)) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      ...PAYMENT_INSTRUCTIONS_ORDER_FIELDS,
      "display_id",
      "email",
      "customer_id",
      "billing_address.first_name",
      "billing_address.last_name",
      "customer.first_name",
      "customer.last_name",
      "customer.email",
      "customer.has_account",
    ],
    filters: { id: event.order_id },
  })
  if (!order) {
    return []
  }
  const found = await orderPaymentInstructions(container, order as OrderForPaymentInstructions)
  const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
  if (
    !found ||
    !invoices.isDeferredProvider(found.provider_id) ||
    found.invoice?.id !== event.id ||
    found.invoice.status !== InvoiceStatus.OPEN
  ) {
    return []
  }
  const { to, ...data } = paymentInstructionsData({
    instructions: found.payment_instructions,
    order: order as unknown as OrderForEmail,
    storefront_url: emailSettings(container).storefront_url,
  })
  return sendPorticoEmails(container, [
    {
      template: "payment_instructions",
      to,
      data,
      idempotency_key: paymentInstructionsKey(event.id),
      resource_id: event.id,
      resource_type: "portico_invoice",
      receiver_id: order.customer_id ?? null,
      trigger_type: "portico.invoice.opened",
    },
  ])
}
