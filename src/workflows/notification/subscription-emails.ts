import type { IEventBusModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PORTICO_INVOICE_MODULE } from "../../modules/invoice/constants"
import type InvoiceModuleService from "../../modules/invoice/service"
import { PORTICO_SUBSCRIPTION_MODULE, SubscriptionEvents } from "../../modules/subscription/constants"
import type SubscriptionModuleService from "../../modules/subscription/service"
import { clock } from "../../utils/clock"
import type { InvoiceForEmail, OrderForEmail, ServiceOrderForEmail } from "./email-data"
import { type OrderForPaymentInstructions, orderBankTransferDetails, PAYMENT_INSTRUCTIONS_ORDER_FIELDS } from "./payment-instructions"
import { canSendEmails, emailSettings, type PorticoEmail, sendPorticoEmails, type SentEmail } from "./send-email"
import { billingNamesByOrder, customersById } from "./service-order-emails"
import {
  type ClientForEmail,
  type PaymentProblem,
  type RenewalForEmail,
  type SubscriptionForEmail,
  subscriptionCanceledData,
  subscriptionPaymentFailedData,
  subscriptionRenewalUpcomingData,
  subscriptionRenewedData,
} from "./subscription-email-data"

/** Payload of `portico.subscription.payment_failed`. */
export type SubscriptionPaymentFailedEvent = {
  id: string
  renewal_id: string
  attempt: number
  code: string | null
  next_attempt_at: Date | string | null
  final: boolean
}

/** Payload of `portico.subscription.payment_requires_action`. */
export type SubscriptionPaymentActionEvent = { id: string; renewal_id: string; reason: string | null }

/** Payload of `portico.subscription.status_changed`. */
export type SubscriptionStatusChangedEvent = {
  id: string
  from: string | null
  to: string
  action?: string
  actor_type?: string
  actor_id?: string | null
}

/** Idempotency keys of the subscription emails. */
export const subscriptionEmailKeys = {
  renewed: (renewalId: string) => `portico:subscription_renewed:${renewalId}`,
  /** A declined charge: one email per attempt. */
  paymentFailed: (renewalId: string, attempt: number) => `portico:subscription_payment_failed:${renewalId}:${attempt}`,
  /** A renewal waiting for the client: one email per attempt made so far and reason. */
  paymentAction: (renewalId: string, attempts: number, reason: string) =>
    `portico:subscription_payment_failed:${renewalId}:${attempts}:${reason}`,
  /** One per cancel (its history row; canceled is final). */
  canceled: (subscriptionId: string, historyId: string | null) =>
    `portico:subscription_canceled:${subscriptionId}:${historyId ?? "canceled"}`,
  /** One per subscription and period to renew. */
  renewalUpcoming: (subscriptionId: string, period: number) => `portico:subscription_renewal_upcoming:${subscriptionId}:${period}`,
}

const subscriptionModule = (container: MedusaContainer) =>
  container.hasRegistration(PORTICO_SUBSCRIPTION_MODULE)
    ? container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    : null

type SubscriptionRecord = SubscriptionForEmail & {
  order_id: string
  cycles_paid: number
  current_period_start: Date | string
  current_period_end: Date | string
}

async function loadSubscription(subscriptions: SubscriptionModuleService, id: string) {
  const [sub] = await subscriptions.listSubscriptions({ id }, { take: 1 })
  return (sub ?? null) as unknown as SubscriptionRecord | null
}

/** Who the clients of some subscriptions are (customer record, first order's billing name), by subscription id. */
async function clientsOf(container: MedusaContainer, subs: SubscriptionRecord[]) {
  const [customers, billing] = await Promise.all([
    customersById(container, subs.map((s) => s.customer_id)),
    billingNamesByOrder(container, subs.map((s) => s.order_id)),
  ])
  return new Map<string, ClientForEmail>(
    subs.map((s) => [
      s.id,
      {
        customer: s.customer_id ? customers.get(s.customer_id) : null,
        billing_address: billing.get(s.order_id) ?? null,
      },
    ])
  )
}

const email = (
  template: PorticoEmail["template"],
  sub: Pick<SubscriptionRecord, "id" | "customer_id">,
  data: ReturnType<typeof subscriptionCanceledData>,
  key: string,
  trigger: string
): PorticoEmail => {
  const { to, ...rest } = data
  return {
    template,
    to,
    data: rest,
    idempotency_key: key,
    resource_id: sub.id,
    resource_type: "portico_subscription",
    receiver_id: sub.customer_id ?? null,
    trigger_type: trigger,
  }
}

/**
 * The client's receipt for a paid renewal invoice (template
 * `subscription_renewed`, key `portico:subscription_renewed:<renewal_id>`),
 * sent instead of the payment confirmation; null when the invoice is not a
 * renewal's or its subscription is gone (the caller sends the payment
 * confirmation then).
 */
export async function subscriptionRenewedEmail(
  container: MedusaContainer,
  input: {
    invoice: InvoiceForEmail & { renewal_id?: string | null; subscription_id?: string | null }
    order: OrderForEmail | null
    service_orders: ServiceOrderForEmail[]
    storefront_url: string
  }
): Promise<PorticoEmail | null> {
  const { invoice } = input
  const subscriptions = subscriptionModule(container)
  if (!subscriptions || !invoice.renewal_id || !invoice.subscription_id) {
    return null
  }
  const [sub, renewal] = await Promise.all([
    loadSubscription(subscriptions, invoice.subscription_id),
    subscriptions.getRenewal(invoice.renewal_id),
  ])
  if (!sub || !renewal) {
    return null
  }
  const data = subscriptionRenewedData({
    subscription: sub,
    renewal: renewal as RenewalForEmail,
    invoice,
    order: input.order,
    service_orders: input.service_orders,
    storefront_url: input.storefront_url,
  })
  return {
    ...email("subscription_renewed", sub, data, subscriptionEmailKeys.renewed(renewal.id), "portico.invoice.paid"),
    resource_id: invoice.id,
    resource_type: "portico_invoice",
  }
}

async function invoiceNumber(container: MedusaContainer, invoiceId: string | null) {
  if (!invoiceId || !container.hasRegistration(PORTICO_INVOICE_MODULE)) {
    return null
  }
  const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
  const [invoice] = await invoices.listInvoices({ id: invoiceId }, { select: ["id", "number"], take: 1 })
  return invoice?.number ?? null
}

/** The merchant's bank details from the subscription's first order (paid by bank transfer), with `reference`. */
async function bankDetails(container: MedusaContainer, orderId: string, reference: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: PAYMENT_INSTRUCTIONS_ORDER_FIELDS, filters: { id: orderId } })
  return order ? orderBankTransferDetails(order as OrderForPaymentInstructions, reference) : null
}

async function sendPaymentProblem(
  container: MedusaContainer,
  input: { subscription_id: string; renewal_id: string; problem: PaymentProblem; trigger: string },
  key: (renewal: { id: string; attempt_count: number; status: string }) => string | null
): Promise<SentEmail[]> {
  const subscriptions = subscriptionModule(container)
  if (!subscriptions || !canSendEmails(container)) {
    return []
  }
  const [sub, renewal] = await Promise.all([
    loadSubscription(subscriptions, input.subscription_id),
    subscriptions.getRenewal(input.renewal_id),
  ])
  const idempotencyKey = renewal ? key(renewal) : null
  if (!sub || !renewal || renewal.subscription_id !== sub.id || !idempotencyKey) {
    return []
  }
  const reference = await invoiceNumber(container, renewal.invoice_id)
  const manual = input.problem.kind === "requires_action" && input.problem.reason === "manual_payment"
  const [clients, bank] = await Promise.all([
    clientsOf(container, [sub]),
    manual ? bankDetails(container, sub.order_id, reference ?? "") : null,
  ])
  const data = subscriptionPaymentFailedData({
    subscription: sub,
    renewal: renewal as RenewalForEmail,
    invoice_number: reference,
    problem: input.problem,
    bank,
    client: clients.get(sub.id),
    storefront_url: emailSettings(container).storefront_url,
  })
  return sendPorticoEmails(container, [email("subscription_payment_failed", sub, data, idempotencyKey, input.trigger)])
}

/**
 * Tells the client a renewal charge was declined (template
 * `subscription_payment_failed`, key
 * `portico:subscription_payment_failed:<renewal_id>:<attempt>`): what
 * happened in plain words, the amount, the next retry date or that there
 * will be no more retries, and what to do in the portal. Nothing when the
 * renewal was paid or canceled meanwhile.
 */
export async function sendSubscriptionPaymentFailedEmail(
  container: MedusaContainer,
  event: SubscriptionPaymentFailedEvent
): Promise<SentEmail[]> {
  if (!event.id || !event.renewal_id || !event.attempt) {
    return []
  }
  return sendPaymentProblem(
    container,
    {
      subscription_id: event.id,
      renewal_id: event.renewal_id,
      problem: { kind: "declined", code: event.code, next_attempt_at: event.next_attempt_at, final: !!event.final },
      trigger: SubscriptionEvents.PAYMENT_FAILED,
    },
    (renewal) => (["paid", "canceled"].includes(renewal.status) ? null : subscriptionEmailKeys.paymentFailed(renewal.id, event.attempt))
  )
}

/**
 * Tells the client a renewal waits for them (template
 * `subscription_payment_failed`, key
 * `portico:subscription_payment_failed:<renewal_id>:<attempts>:<reason>`):
 * 3-D Secure → confirm the payment in the portal; no saved card → pay the
 * invoice in the portal; bank transfer → the bank details with the invoice
 * number as the reference. Nothing when the renewal no longer waits.
 */
export async function sendSubscriptionPaymentActionEmail(
  container: MedusaContainer,
  event: SubscriptionPaymentActionEvent
): Promise<SentEmail[]> {
  if (!event.id || !event.renewal_id) {
    return []
  }
  const reason = event.reason ?? "payment_requires_action"
  return sendPaymentProblem(
    container,
    {
      subscription_id: event.id,
      renewal_id: event.renewal_id,
      problem: { kind: "requires_action", reason },
      trigger: SubscriptionEvents.PAYMENT_REQUIRES_ACTION,
    },
    (renewal) =>
      renewal.status === "requires_action" ? subscriptionEmailKeys.paymentAction(renewal.id, renewal.attempt_count, reason) : null
  )
}

/**
 * Tells the client their subscription is canceled (template
 * `subscription_canceled`, key `portico:subscription_canceled:<id>:<history_id>`):
 * when, and by whom in words. Only for a change to `canceled`.
 */
export async function sendSubscriptionCanceledEmail(
  container: MedusaContainer,
  event: SubscriptionStatusChangedEvent
): Promise<SentEmail[]> {
  const subscriptions = subscriptionModule(container)
  if (event.to !== "canceled" || !event.id || !subscriptions || !canSendEmails(container)) {
    return []
  }
  const sub = await loadSubscription(subscriptions, event.id)
  if (!sub || sub.status !== "canceled") {
    return []
  }
  const [row] = await subscriptions.listSubscriptionHistories(
    { subscription_id: sub.id, action: "canceled", to_status: "canceled" },
    { order: { created_at: "DESC" }, take: 1 }
  )
  const history = (row ?? null) as { id: string; actor_type: string; note: string | null; created_at: Date } | null
  const clients = await clientsOf(container, [sub])
  const data = subscriptionCanceledData({
    subscription: sub,
    cancel: {
      actor_type: history?.actor_type ?? event.actor_type ?? "system",
      note: history?.note ?? null,
      at: sub.canceled_at ?? history?.created_at ?? null,
    },
    client: clients.get(sub.id),
    storefront_url: emailSettings(container).storefront_url,
  })
  return sendPorticoEmails(container, [
    email("subscription_canceled", sub, data, subscriptionEmailKeys.canceled(sub.id, history?.id ?? null), SubscriptionEvents.STATUS_CHANGED),
  ])
}

const DAY_MS = 86_400_000

/** What one pass of the renewal reminders did. */
export type RenewalRemindersResult = {
  /** Subscriptions reminded in this pass (`portico.subscription.renewal_upcoming` emitted for each). */
  reminded: string[]
  emails: SentEmail[]
}

/**
 * One pass of the renewal reminders (the hourly job's work; tests call it):
 * every `active` subscription not set to cancel at the period end, with a
 * renewal to come (billing cycles left) within the subscription module's
 * `renewal_reminder_days` of `now` (Portico's clock), not reminded yet in
 * this period, gets the `subscription_renewal_upcoming` email (key
 * `portico:subscription_renewal_upcoming:<id>:<period>`) and
 * `portico.subscription.renewal_upcoming` `{ id, renewal_at }` is emitted,
 * once per period (`reminded_at`, cleared when a renewal completes). A
 * subscription whose whole period is not longer than the window is not
 * reminded (the reminder would follow each payment). A failed send is tried
 * again on the next pass; none when `renewal_reminder_days` is 0.
 */
export async function sendDueRenewalReminders(
  container: MedusaContainer,
  { now = clock.now(), batchSize = 100 }: { now?: Date; batchSize?: number } = {}
): Promise<RenewalRemindersResult> {
  const result: RenewalRemindersResult = { reminded: [], emails: [] }
  const subscriptions = subscriptionModule(container)
  const days = subscriptions?.getSettings().renewal_reminder_days ?? 0
  if (!subscriptions || !(days > 0)) {
    return result
  }
  const window = days * DAY_MS
  const horizon = new Date(now.getTime() + window)
  const storefrontUrl = emailSettings(container).storefront_url
  const eventBus = container.hasRegistration(Modules.EVENT_BUS)
    ? container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
    : null
  let after: string | null = null
  for (;;) {
    const batch = (await subscriptions.listSubscriptions(
      {
        status: "active",
        cancel_at_period_end: false,
        reminded_at: null,
        current_period_end: { $gt: now, $lte: horizon },
        ...(after ? { id: { $gt: after } } : {}),
      },
      { order: { id: "ASC" }, take: batchSize }
    )) as unknown as SubscriptionRecord[]
    if (!batch.length) {
      break
    }
    after = batch[batch.length - 1].id
    const due = batch.filter((sub) => {
      const renews = sub.billing_cycles == null || sub.cycles_paid < sub.billing_cycles
      const length = new Date(sub.current_period_end).getTime() - new Date(sub.current_period_start).getTime()
      return renews && length > window
    })
    const clients = await clientsOf(container, due)
    for (const sub of due) {
      const data = subscriptionRenewalUpcomingData({ subscription: sub, client: clients.get(sub.id), storefront_url: storefrontUrl })
      const [sent] = await sendPorticoEmails(container, [
        email(
          "subscription_renewal_upcoming",
          sub,
          data,
          subscriptionEmailKeys.renewalUpcoming(sub.id, sub.cycles_paid),
          SubscriptionEvents.RENEWAL_UPCOMING
        ),
      ])
      result.emails.push(sent)
      if (sent.status === "failed") {
        continue
      }
      const renewalAt = new Date(sub.current_period_end)
      if (await subscriptions.markReminded(sub.id, { period_end: renewalAt, now })) {
        result.reminded.push(sub.id)
        await eventBus?.emit({ name: SubscriptionEvents.RENEWAL_UPCOMING, data: { id: sub.id, renewal_at: renewalAt } })
      }
    }
    if (batch.length < batchSize) {
      break
    }
  }
  return result
}
