import type { EmailData, EmailServiceOrder } from "../../modules/email-template/templates/render"
import { formatMoney } from "../../utils/money"
import {
  type BillingNameForEmail,
  customerName,
  type InvoiceForEmail,
  itemTitle,
  type OrderForEmail,
  portalUrl,
  type ServiceOrderForEmail,
  serviceOrderUrl,
  serviceTitle,
} from "./email-data"
import type { PaymentInstructions } from "./payment-instructions"

type Amount = number | string | { toString(): string } | null | undefined
type DateLike = Date | string | null | undefined

const num = (amount: Amount) => Number(amount ?? 0) || 0

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" })

/** A date for people (`March 5, 2026`, in UTC like the periods); empty for none. */
export function emailDate(value: DateLike): string {
  if (!value) {
    return ""
  }
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? "" : dateFormat.format(date)
}

/** A subscription's page in the portal: renewals, invoices, card, paying an unpaid renewal (through login when needed). */
export const subscriptionUrl = (storefrontUrl: string, id: string) =>
  `${storefrontUrl}/portal/subscriptions/${encodeURIComponent(id)}`

/** The subscription fields the emails use (see the subscription module). */
export type SubscriptionForEmail = {
  id: string
  status: string
  email?: string | null
  customer_id?: string | null
  title: string
  variant_title?: string | null
  currency_code: string
  unit_price: Amount
  billing_cycles?: number | null
  cycles_paid?: number | null
  cancel_at_period_end?: boolean | null
  current_period_end?: DateLike
  canceled_at?: DateLike
  payment_provider_id?: string | null
  payment_method_id?: string | null
  payment_method_label?: string | null
}

/** The renewal fields the emails use. */
export type RenewalForEmail = {
  id: string
  period: number
  period_start: DateLike
  period_end: DateLike
  amount: Amount
  credit_amount?: Amount
}

/** Who the client is, for the greeting: their customer record and the first order's billing name. */
export type ClientForEmail = {
  customer?: OrderForEmail["customer"]
  billing_address?: BillingNameForEmail | null
}

/** The email a subscription's messages go to: the subscription's, else the customer's. */
export const subscriptionRecipient = (sub: Pick<SubscriptionForEmail, "email">, client?: ClientForEmail) =>
  sub.email || client?.customer?.email || ""

function baseVariables(sub: SubscriptionForEmail, client: ClientForEmail | undefined, storefrontUrl: string) {
  const email = subscriptionRecipient(sub, client)
  return {
    email,
    variables: {
      customer_name: customerName(client?.customer, client?.billing_address),
      customer_email: email,
      service_title: itemTitle(sub.title, sub.variant_title),
      subscription_url: subscriptionUrl(storefrontUrl, sub.id),
      portal_url: portalUrl(storefrontUrl, email),
    },
  }
}

/**
 * The next renewal after a paid period: its end, unless the subscription
 * stops there (canceled, set to cancel at the period end, its billing cycles
 * used up); null then.
 */
export function nextRenewalAfter(sub: SubscriptionForEmail, renewal: Pick<RenewalForEmail, "period" | "period_end">): DateLike {
  if (!["active", "past_due"].includes(sub.status) || sub.cancel_at_period_end) {
    return null
  }
  if (sub.billing_cycles != null && renewal.period + 1 >= sub.billing_cycles) {
    return null
  }
  return renewal.period_end
}

/** The data of the client's renewal receipt (template `subscription_renewed`). */
export function subscriptionRenewedData(input: {
  subscription: SubscriptionForEmail
  renewal: RenewalForEmail
  invoice: InvoiceForEmail
  order: OrderForEmail | null
  service_orders: ServiceOrderForEmail[]
  storefront_url: string
}): EmailData & { to: string } {
  const { subscription: sub, renewal, invoice, order, storefront_url } = input
  const client: ClientForEmail = { customer: order?.customer, billing_address: order?.billing_address }
  const base = baseVariables(sub, client, storefront_url)
  const to = order?.email || invoice.email || base.email
  const money = (amount: Amount) => formatMoney(num(amount), invoice.currency_code)
  const serviceOrders: EmailServiceOrder[] = input.service_orders.map((so) => ({
    id: so.id,
    title: serviceTitle(so),
    status: so.status,
    intake_url: so.status === "pending" && so.intake_form_id ? serviceOrderUrl(storefront_url, so.id) : null,
  }))
  return {
    to,
    variables: {
      ...base.variables,
      customer_email: to,
      portal_url: portalUrl(storefront_url, to),
      order_number: order?.display_id != null ? String(order.display_id) : (invoice.number ?? ""),
      invoice_number: invoice.number ?? "",
      period_start: emailDate(renewal.period_start),
      period_end: emailDate(renewal.period_end),
      credit_used: money(invoice.credit_total),
      total: money(invoice.total),
      next_renewal_date: emailDate(nextRenewalAfter(sub, renewal)),
      intake_links: serviceOrders
        .filter((so) => so.intake_url)
        .map((so) => `${so.title}: ${so.intake_url}`)
        .join("\n"),
    },
    service_orders: serviceOrders,
  }
}

/** Why a renewal could not be paid: a card decline code, or why it waits for the client. */
export type PaymentProblem =
  | { kind: "declined"; code: string | null; next_attempt_at: DateLike; final: boolean }
  | { kind: "requires_action"; reason: string | null }

/**
 * Decline codes in plain words. Lost, stolen and fraud declines read as a
 * plain decline (card networks ask merchants not to tell the cardholder why).
 */
const DECLINE_WORDS: Record<string, string> = {
  insufficient_funds: "Your bank declined the payment: the card has insufficient funds.",
  expired_card: "Your card has expired.",
  incorrect_cvc: "Your bank declined the payment: the card's security code did not match.",
  incorrect_number: "Your bank declined the payment: the card number is not valid.",
  invalid_expiry_month: "Your bank declined the payment: the card's expiry date is not valid.",
  invalid_expiry_year: "Your bank declined the payment: the card's expiry date is not valid.",
  card_velocity_exceeded: "Your bank declined the payment: the card's spending limit was reached.",
  withdrawal_count_limit_exceeded: "Your bank declined the payment: the card's spending limit was reached.",
  processing_error: "The payment could not be processed because of a problem at the bank.",
  issuer_not_available: "Your bank could not be reached to approve the payment.",
  try_again_later: "Your bank could not approve the payment just now.",
  card_not_supported: "Your card does not support this kind of payment.",
  currency_not_supported: "Your card does not support payments in this currency.",
  do_not_try_again: "Your bank declined the payment and asked us not to try this card again.",
  revocation_of_authorization: "Your bank declined the payment: the card's authorization for this subscription was withdrawn.",
  revocation_of_all_authorizations: "Your bank declined the payment: the card's authorization for this subscription was withdrawn.",
  authentication_required: "Your bank asks you to confirm this payment (3-D Secure).",
}

const GENERIC_DECLINE = "Your bank declined the payment."

/** What went wrong with a renewal payment, for the client. */
export function paymentProblemText(problem: PaymentProblem): string {
  if (problem.kind === "requires_action") {
    switch (problem.reason) {
      case "payment_requires_action":
        return "Your bank asks you to confirm this payment (3-D Secure), so we could not take it automatically."
      case "no_payment_method":
        return "There is no saved card for this subscription, so we could not take the payment automatically."
      case "manual_payment":
        return "This subscription is paid by bank transfer: its invoice for the new period is ready to pay."
      default:
        return "The payment needs you before it can go through."
    }
  }
  return (problem.code && DECLINE_WORDS[problem.code]) || GENERIC_DECLINE
}

/** The bank details a bank-transfer renewal is paid to (the merchant's, as on the first purchase). */
export type BankDetailsForEmail = Pick<PaymentInstructions, "account_holder" | "iban" | "bic" | "bank_name" | "text">

/**
 * The data of the client's renewal-payment problem (template
 * `subscription_payment_failed`): a declined card (the next retry, or no
 * more retries), or a renewal that waits for the client (3-D Secure, no
 * saved card, bank transfer with the bank details and the invoice number as
 * the reference).
 */
export function subscriptionPaymentFailedData(input: {
  subscription: SubscriptionForEmail
  renewal: RenewalForEmail
  invoice_number: string | null
  problem: PaymentProblem
  bank?: BankDetailsForEmail | null
  client?: ClientForEmail
  storefront_url: string
}): EmailData & { to: string } {
  const { subscription: sub, renewal, problem } = input
  const base = baseVariables(sub, input.client, input.storefront_url)
  const due = Math.max(0, num(renewal.amount) - num(renewal.credit_amount))
  const reference = input.invoice_number ?? ""
  const bank = problem.kind === "requires_action" && problem.reason === "manual_payment" ? (input.bank ?? null) : null
  const amountDue = formatMoney(due, sub.currency_code)

  let retry = ""
  let action = ""
  const nextAttempt = problem.kind === "declined" && !problem.final ? emailDate(problem.next_attempt_at) : ""
  if (problem.kind === "declined") {
    if (nextAttempt) {
      retry = `We will try your card again on ${nextAttempt}.`
      action = "To pay sooner or with another card, update your card or pay the invoice in your customer portal."
    } else if (sub.status === "canceled") {
      retry = "We will not try again, and your subscription has been canceled."
      action = "To keep the service, subscribe again in our shop, or contact us."
    } else {
      retry = "We will not try this card again."
      action = "Please contact us to settle the invoice and keep your subscription."
    }
  } else if (problem.reason === "payment_requires_action") {
    action = "Please confirm the payment in your customer portal."
  } else if (problem.reason === "manual_payment") {
    action = bank
      ? `Please pay it by bank transfer with ${reference} as the payment reference (the details are below), or by card in your customer portal.`
      : `Please pay invoice ${reference} in your customer portal.`
  } else {
    action = "Please pay the invoice in your customer portal; the card you pay with is kept for the next renewals."
  }

  return {
    to: base.email,
    variables: {
      ...base.variables,
      invoice_number: reference,
      amount_due: amountDue,
      period_start: emailDate(renewal.period_start),
      period_end: emailDate(renewal.period_end),
      problem: paymentProblemText(problem),
      next_attempt_date: nextAttempt,
      retry,
      action,
      instructions: bank ? (bank.text ?? "") : "",
      account_holder: bank?.account_holder ?? "",
      iban: bank?.iban ?? "",
      bic: bank?.bic ?? "",
      bank_name: bank?.bank_name ?? "",
    },
  }
}

/** A subscription's cancel as its history row records it. */
export type CancelForEmail = {
  actor_type: string
  note?: string | null
  /** When it took effect (the subscription's `canceled_at`, else the history row's time). */
  at: DateLike
}

/** Who canceled a subscription, in words for the client. */
export function canceledByText(cancel: Pick<CancelForEmail, "actor_type" | "note">): string {
  if (cancel.actor_type === "customer") {
    return "You canceled it."
  }
  if (cancel.actor_type === "user") {
    return "We canceled it."
  }
  if (cancel.note === "at period end") {
    return "It ended with the paid period, as asked."
  }
  if (cancel.note === "unpaid") {
    return "Its renewal payment could not be collected."
  }
  return "It was canceled."
}

/** The data of the client's cancel notice (template `subscription_canceled`). */
export function subscriptionCanceledData(input: {
  subscription: SubscriptionForEmail
  cancel: CancelForEmail
  client?: ClientForEmail
  storefront_url: string
}): EmailData & { to: string } {
  const base = baseVariables(input.subscription, input.client, input.storefront_url)
  return {
    to: base.email,
    variables: {
      ...base.variables,
      canceled_date: emailDate(input.cancel.at),
      canceled_by: canceledByText(input.cancel),
    },
  }
}

/** How a subscription's renewals are paid after credit, for people: the card's label, `bank transfer`, or empty. */
export function paymentMethodText(
  sub: Pick<SubscriptionForEmail, "payment_provider_id" | "payment_method_id" | "payment_method_label">
): string {
  if (sub.payment_provider_id?.startsWith("pp_bank_transfer_")) {
    return "bank transfer"
  }
  if (!sub.payment_method_id) {
    return ""
  }
  return sub.payment_method_label || "your saved card"
}

/** The data of the renewal reminder (template `subscription_renewal_upcoming`). */
export function subscriptionRenewalUpcomingData(input: {
  subscription: SubscriptionForEmail
  client?: ClientForEmail
  storefront_url: string
}): EmailData & { to: string } {
  const sub = input.subscription
  const base = baseVariables(sub, input.client, input.storefront_url)
  return {
    to: base.email,
    variables: {
      ...base.variables,
      renewal_date: emailDate(sub.current_period_end),
      amount: formatMoney(num(sub.unit_price), sub.currency_code),
      payment_method: paymentMethodText(sub),
    },
  }
}
