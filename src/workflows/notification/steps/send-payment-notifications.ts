import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice/constants"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../../modules/service-order/constants"
import type ServiceOrderModuleService from "../../../modules/service-order/service"
import {
  type InvoiceForEmail,
  merchantNewOrderData,
  type OrderForEmail,
  paymentConfirmationData,
  type ServiceOrderForEmail,
} from "../email-data"
import { canSendEmails, emailSettings, type PorticoEmail, sendPorticoEmails, type SentEmail } from "../send-email"
import { subscriptionRenewedEmail } from "../subscription-emails"

export const sendPaymentNotificationsStepId = "portico-send-payment-notifications-step"

/** Input of {@link sendPaymentNotificationsStep}. */
export type SendPaymentNotificationsStepInput = { invoice_id: string }

/** Idempotency keys of the payment emails of an invoice. */
export const paymentNotificationKeys = (invoiceId: string) => ({
  payment_confirmation: `portico:payment_confirmation:${invoiceId}`,
  merchant_new_order: `portico:merchant_new_order:${invoiceId}`,
})

/**
 * Builds the payment emails of a paid invoice (nothing for an invoice that
 * is not paid): the client's payment confirmation, or for a subscription
 * renewal's invoice the `subscription_renewed` receipt instead; and the
 * merchant's notice.
 */
export async function paymentEmails(container: MedusaContainer, invoiceId: string): Promise<PorticoEmail[]> {
  const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
  const [invoice] = (await invoices.listInvoices({ id: invoiceId }, { relations: ["lines"], take: 1 })) as unknown as (InvoiceForEmail & {
    status: string
    renewal_id: string | null
    subscription_id: string | null
  })[]
  if (!invoice || invoice.status !== "paid") {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = invoice.order_id
    ? await query.graph({
        entity: "order",
        fields: [
          "id",
          "display_id",
          "email",
          "billing_address.first_name",
          "billing_address.last_name",
          "customer.first_name",
          "customer.last_name",
          "customer.email",
        ],
        filters: { id: invoice.order_id },
      })
    : { data: [] }
  const order = (orders[0] ?? null) as OrderForEmail | null
  const serviceOrders = container.hasRegistration(PORTICO_SERVICE_ORDER_MODULE)
    ? ((await container
        .resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
        .listServiceOrders({ invoice_id: invoice.id }, { order: { created_at: "ASC" } })) as ServiceOrderForEmail[])
    : []

  const settings = emailSettings(container)
  const keys = paymentNotificationKeys(invoice.id)
  const { to, ...confirmation } = paymentConfirmationData({
    invoice,
    order,
    service_orders: serviceOrders,
    storefront_url: settings.storefront_url,
  })
  const renewed = invoice.renewal_id
    ? await subscriptionRenewedEmail(container, {
        invoice,
        order,
        service_orders: serviceOrders,
        storefront_url: settings.storefront_url,
      })
    : null
  const emails: PorticoEmail[] = [
    renewed ?? {
      template: "payment_confirmation",
      to,
      data: confirmation,
      idempotency_key: keys.payment_confirmation,
      resource_id: invoice.id,
      resource_type: "portico_invoice",
      trigger_type: "portico.invoice.paid",
    },
  ]
  if (settings.merchant_email) {
    emails.push({
      template: "merchant_new_order",
      to: settings.merchant_email,
      data: merchantNewOrderData({ invoice, order, service_orders: serviceOrders, backend_url: settings.backend_url }),
      idempotency_key: keys.merchant_new_order,
      resource_id: invoice.id,
      resource_type: "portico_invoice",
      trigger_type: "portico.invoice.paid",
    })
  }
  return emails
}

/**
 * Sends the emails of a paid invoice: the client's `payment_confirmation`
 * (items, totals, credit used, invoice number, intake links, portal link) to
 * the order's email — for a subscription renewal's invoice the
 * `subscription_renewed` receipt instead — and the merchant's
 * `merchant_new_order` when a merchant email is set. One email per invoice
 * each (idempotency keys `portico:payment_confirmation:<invoice_id>` or
 * `portico:subscription_renewed:<renewal_id>`, and
 * `portico:merchant_new_order:<invoice_id>`), however often it runs.
 *
 * A no-op when the app has no notification module; it never fails the
 * payment work (problems are logged). No compensation: a sent email cannot
 * be unsent, and the keys keep a rerun from sending it twice.
 */
export const sendPaymentNotificationsStep = createStep(
  sendPaymentNotificationsStepId,
  async (input: SendPaymentNotificationsStepInput, { container }) => {
    if (!canSendEmails(container)) {
      return new StepResponse<SentEmail[]>([])
    }
    try {
      const emails = await paymentEmails(container, input.invoice_id)
      return new StepResponse(await sendPorticoEmails(container, emails))
    } catch (e) {
      container
        .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        .error(`Portico could not prepare the payment emails of invoice ${input.invoice_id}: ${(e as Error).message}`)
      return new StepResponse<SentEmail[]>([])
    }
  }
)
