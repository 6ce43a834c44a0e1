import type { EmailData, EmailServiceOrder } from "../../modules/email-template/templates/render"
import { formatMoney } from "../../utils/money"
import type { PaymentInstructions } from "./payment-instructions"

/** Service-order statuses as clients read them. */
export const STATUS_LABELS: Record<string, string> = {
  pending: "Waiting for your details",
  submitted: "Submitted",
  working: "In progress",
  complete: "Complete",
  canceled: "Canceled",
}

const label = (status: string | null | undefined) => (status ? (STATUS_LABELS[status] ?? status) : "")

/**
 * The customer-portal link: `<storefront>/portal`, with `?email=` so that a
 * client who is not logged in finds the login form filled in.
 */
export const portalUrl = (storefrontUrl: string, email?: string | null) =>
  email ? `${storefrontUrl}/portal?email=${encodeURIComponent(email)}` : `${storefrontUrl}/portal`

/** A service order's page in the portal, where its intake form is filled (through login when needed). */
export const serviceOrderUrl = (storefrontUrl: string, id: string) =>
  `${storefrontUrl}/portal/service-orders/${encodeURIComponent(id)}`

/**
 * An order's page in the portal: its invoice (`<storefront>/portal/invoices/<number>`)
 * with how to pay and whether the payment arrived; the portal home when the
 * invoice has no number yet.
 */
export const orderUrl = (storefrontUrl: string, invoiceNumber: string | null | undefined) =>
  invoiceNumber ? `${storefrontUrl}/portal/invoices/${encodeURIComponent(invoiceNumber)}` : `${storefrontUrl}/portal`

type Amount = number | string | { toString(): string } | null | undefined
const num = (amount: Amount) => Number(amount ?? 0) || 0

/** The invoice fields the payment emails use. */
export type InvoiceForEmail = {
  id: string
  number: string | null
  order_id: string | null
  email: string | null
  currency_code: string
  subtotal: Amount
  discount_total: Amount
  tax_total: Amount
  credit_total: Amount
  total: Amount
  lines?: { title: string; variant_title?: string | null; quantity: number; total: Amount; position?: number | null }[]
}

/** The order fields the payment emails use. */
export type OrderForEmail = {
  id: string
  display_id?: number | null
  email?: string | null
  /** The order's billing address: its first name is the one the client typed at checkout. */
  billing_address?: BillingNameForEmail | null
  customer?: {
    first_name?: string | null
    last_name?: string | null
    email?: string | null
    has_account?: boolean | null
  } | null
}

/** The name fields of a billing address. */
export type BillingNameForEmail = { first_name?: string | null; last_name?: string | null }

/** The service-order fields the emails use (see the service-order module). */
export type ServiceOrderForEmail = {
  id: string
  order_display_id?: number | null
  title: string
  variant_title?: string | null
  unit_index?: number | null
  units?: number | null
  status: string
  intake_form_id?: string | null
  email?: string | null
}

/**
 * `Logo design (Premium)`; a service's only variant (Medusa names it
 * `Default`) or one named like the service adds nothing.
 */
export function itemTitle(title: string, variantTitle?: string | null) {
  const named = variantTitle && variantTitle !== title && !/^default( variant)?$/i.test(variantTitle)
  return named ? `${title} (${variantTitle})` : title
}

/** {@link itemTitle}, and `— 2 of 3` for one unit of a multi-unit line. */
export function serviceTitle(so: Pick<ServiceOrderForEmail, "title" | "variant_title" | "unit_index" | "units">) {
  const unit = (so.units ?? 1) > 1 ? ` — ${so.unit_index} of ${so.units}` : ""
  return `${itemTitle(so.title, so.variant_title)}${unit}`
}

/** The greeting's fallback when no first name is known: "Hi there,". */
export const NEUTRAL_GREETING_NAME = "there"

const clean = (value: string | null | undefined) => (value ?? "").trim()

/**
 * The name a client email greets with ("Hi Ada,"): the first name of the
 * order's billing address (what the client typed at checkout; guests have no
 * name on their customer record), else the customer's first name, else
 * {@link NEUTRAL_GREETING_NAME}. Never the email address.
 */
export function customerName(
  customer: OrderForEmail["customer"],
  billing?: BillingNameForEmail | null
): string {
  return clean(billing?.first_name) || clean(customer?.first_name) || NEUTRAL_GREETING_NAME
}

/**
 * Who placed an order, for the merchant ("Ada Lovelace"): the billing
 * address's full name, else the customer's, else the email.
 */
export function customerFullName(
  customer: OrderForEmail["customer"],
  billing: BillingNameForEmail | null | undefined,
  email: string | null | undefined
): string {
  const full = (p?: BillingNameForEmail | null) => [clean(p?.first_name), clean(p?.last_name)].filter(Boolean).join(" ")
  return full(billing) || full(customer) || clean(email) || "a client"
}

function orderParts(invoice: InvoiceForEmail, order: OrderForEmail | null) {
  const money = (amount: Amount) => formatMoney(num(amount), invoice.currency_code)
  const lines = [...(invoice.lines ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
  const items = lines.map((line) => ({
    title: itemTitle(line.title, line.variant_title),
    quantity: line.quantity,
    total: money(line.total),
  }))
  const email = order?.email || invoice.email || ""
  return {
    money,
    items,
    email,
    variables: {
      order_number: order?.display_id != null ? String(order.display_id) : (invoice.number ?? ""),
      invoice_number: invoice.number ?? "",
      customer_name: customerName(order?.customer, order?.billing_address),
      customer_email: email,
      items: items.map((i) => `${i.quantity > 1 ? `${i.quantity} × ` : ""}${i.title}: ${i.total}`).join("\n"),
      credit_used: money(invoice.credit_total),
      total: money(invoice.total),
    },
  }
}

/** The data of the client's payment confirmation (template `payment_confirmation`). */
export function paymentConfirmationData(input: {
  invoice: InvoiceForEmail
  order: OrderForEmail | null
  service_orders: ServiceOrderForEmail[]
  storefront_url: string
}): EmailData & { to: string } {
  const { invoice, storefront_url } = input
  const parts = orderParts(invoice, input.order)
  const serviceOrders: EmailServiceOrder[] = input.service_orders.map((so) => ({
    id: so.id,
    title: serviceTitle(so),
    status: so.status,
    intake_url: so.status === "pending" && so.intake_form_id ? serviceOrderUrl(storefront_url, so.id) : null,
  }))
  return {
    to: parts.email,
    variables: {
      ...parts.variables,
      subtotal: parts.money(invoice.subtotal),
      discount_total: parts.money(invoice.discount_total),
      tax_total: parts.money(invoice.tax_total),
      intake_links: serviceOrders
        .filter((so) => so.intake_url)
        .map((so) => `${so.title}: ${so.intake_url}`)
        .join("\n"),
      portal_url: portalUrl(storefront_url, parts.email),
    },
    items: parts.items,
    service_orders: serviceOrders,
  }
}

/** The data of the merchant's new-order notice (template `merchant_new_order`). */
export function merchantNewOrderData(input: {
  invoice: InvoiceForEmail
  order: OrderForEmail | null
  service_orders: ServiceOrderForEmail[]
  backend_url: string
}): EmailData {
  const parts = orderParts(input.invoice, input.order)
  const orderId = input.order?.id ?? input.invoice.order_id ?? ""
  return {
    variables: {
      ...parts.variables,
      customer_name: customerFullName(input.order?.customer, input.order?.billing_address, parts.email),
      service_order_count: String(input.service_orders.length),
      admin_order_url: `${input.backend_url}/app/orders/${encodeURIComponent(orderId)}`,
    },
    items: parts.items,
  }
}

/** The variables every email about one service order has. */
function serviceOrderVariables(
  so: ServiceOrderForEmail,
  customer: OrderForEmail["customer"] | undefined,
  billing: BillingNameForEmail | null | undefined,
  storefrontUrl: string
) {
  return {
    customer_name: customerName(customer, billing),
    customer_email: so.email ?? "",
    order_number: so.order_display_id != null ? String(so.order_display_id) : "",
    service_title: serviceTitle(so),
    service_order_id: so.id,
    service_order_url: serviceOrderUrl(storefrontUrl, so.id),
    portal_url: portalUrl(storefrontUrl, so.email),
  }
}

/** The data of an intake reminder (template `intake_reminder`). */
export function intakeReminderData(input: {
  service_order: ServiceOrderForEmail
  customer?: OrderForEmail["customer"]
  /** The billing address of the order the service order belongs to. */
  billing_address?: BillingNameForEmail | null
  reminder_number: number
  storefront_url: string
}): EmailData {
  const so = input.service_order
  return {
    variables: {
      ...serviceOrderVariables(so, input.customer, input.billing_address, input.storefront_url),
      reminder_number: String(input.reminder_number),
    },
  }
}

/** The data of a status change (template `service_order_status_changed`). */
export function statusChangedData(input: {
  service_order: ServiceOrderForEmail
  customer?: OrderForEmail["customer"]
  /** The billing address of the order the service order belongs to. */
  billing_address?: BillingNameForEmail | null
  from: string | null
  to: string
  note?: string | null
  storefront_url: string
}): EmailData {
  const so = input.service_order
  return {
    variables: {
      ...serviceOrderVariables(so, input.customer, input.billing_address, input.storefront_url),
      previous_status: label(input.from),
      status: label(input.to),
      note: input.note ?? "",
    },
  }
}

/**
 * The data of the client's bank-transfer instructions (template
 * `payment_instructions`), from the same {@link PaymentInstructions} the
 * confirmation page shows.
 */
export function paymentInstructionsData(input: {
  instructions: PaymentInstructions
  order: OrderForEmail
  storefront_url: string
}): EmailData & { to: string } {
  const { instructions: pi, order, storefront_url } = input
  const email = order.email || order.customer?.email || ""
  return {
    to: email,
    variables: {
      customer_name: customerName(order.customer, order.billing_address),
      customer_email: email,
      order_number: order.display_id != null ? String(order.display_id) : pi.reference,
      invoice_number: pi.reference,
      amount_due: formatMoney(pi.amount, pi.currency_code),
      instructions: pi.text,
      account_holder: pi.account_holder ?? "",
      iban: pi.iban ?? "",
      bic: pi.bic ?? "",
      bank_name: pi.bank_name ?? "",
      order_url: orderUrl(storefront_url, pi.reference),
      portal_url: portalUrl(storefront_url, email),
    },
  }
}
