import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PORTICO_SERVICE_ORDER_MODULE } from "../../modules/service-order/constants"
import type ServiceOrderModuleService from "../../modules/service-order/service"
import {
  type BillingNameForEmail,
  intakeReminderData,
  type OrderForEmail,
  type ServiceOrderForEmail,
  statusChangedData,
} from "./email-data"
import { canSendEmails, emailSettings, sendPorticoEmails, type SentEmail } from "./send-email"

/** Payload of `portico.service_order.status_changed`. */
export type StatusChangedEvent = {
  id: string
  history_id: string
  from: string | null
  to: string
  actor_type?: string
  actor_id?: string | null
  note?: string | null
}

type ServiceOrderRow = ServiceOrderForEmail & {
  customer_id?: string | null
  order_id?: string | null
  created_at: Date | string
}

/** The customers' names, by id. */
export async function customersById(container: MedusaContainer, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) {
    return new Map<string, OrderForEmail["customer"]>()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name", "email"],
    filters: { id: wanted },
  })
  return new Map(data.map((c) => [c.id as string, c as OrderForEmail["customer"]]))
}

/** The billing-address names of orders, by order id (what emails greet with). */
export async function billingNamesByOrder(container: MedusaContainer, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) {
    return new Map<string, BillingNameForEmail | null>()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "billing_address.first_name", "billing_address.last_name"],
    filters: { id: wanted },
  })
  return new Map(
    data.map((o) => [o.id as string, (o.billing_address ?? null) as BillingNameForEmail | null])
  )
}

/**
 * Tells the client their service order changed status (template
 * `service_order_status_changed`, key `portico:status_changed:<history_id>`).
 * The creation row (`from` null) sends nothing: the payment confirmation
 * covers it.
 */
export async function sendStatusChangedEmail(container: MedusaContainer, event: StatusChangedEvent): Promise<SentEmail[]> {
  if (!event.from || !event.history_id || !canSendEmails(container)) {
    return []
  }
  const serviceOrders = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
  const [so] = (await serviceOrders.listServiceOrders({ id: event.id }, { take: 1 })) as ServiceOrderRow[]
  if (!so?.email) {
    return []
  }
  const [customers, billing] = await Promise.all([
    customersById(container, [so.customer_id]),
    billingNamesByOrder(container, [so.order_id]),
  ])
  return sendPorticoEmails(container, [
    {
      template: "service_order_status_changed",
      to: so.email,
      data: statusChangedData({
        service_order: so,
        customer: so.customer_id ? customers.get(so.customer_id) : null,
        billing_address: so.order_id ? billing.get(so.order_id) : null,
        from: event.from,
        to: event.to,
        note: event.note,
        storefront_url: emailSettings(container).storefront_url,
      }),
      idempotency_key: `portico:status_changed:${event.history_id}`,
      resource_id: so.id,
      resource_type: "portico_service_order",
      receiver_id: so.customer_id ?? null,
      trigger_type: "portico.service_order.status_changed",
    },
  ])
}

/** At most this many intake reminders per service order. */
export const MAX_INTAKE_REMINDERS = 3

/** Hours between intake reminders: `PORTICO_INTAKE_REMINDER_HOURS`, default 24. */
export function reminderPeriodHours(): number {
  const hours = Number(process.env.PORTICO_INTAKE_REMINDER_HOURS)
  return Number.isFinite(hours) && hours > 0 ? hours : 24
}

/**
 * Which reminder is due for a service order pending since `since`: 1 after one
 * period, 2 after two, 3 after three and later; 0 before the first period.
 */
export function dueReminder(since: Date, now: Date, periodHours: number): number {
  const periods = Math.floor((now.getTime() - since.getTime()) / (periodHours * 3_600_000))
  return Math.max(0, Math.min(MAX_INTAKE_REMINDERS, periods))
}

/**
 * Sends the intake reminders that are due: every pending service order with
 * an intake form gets reminder n once it has been pending n periods (key
 * `portico:intake_reminder:<service_order_id>:<n>`, n ≤ 3). Reminders missed
 * while the app was down are not caught up one by one: the latest due one
 * is sent. Pending "since" is the service order's latest move to `pending`.
 */
export async function sendDueIntakeReminders(
  container: MedusaContainer,
  { now = new Date(), batchSize = 100 }: { now?: Date; batchSize?: number } = {}
): Promise<SentEmail[]> {
  if (!canSendEmails(container) || !container.hasRegistration(PORTICO_SERVICE_ORDER_MODULE)) {
    return []
  }
  const period = reminderPeriodHours()
  const cutoff = new Date(now.getTime() - period * 3_600_000)
  const storefrontUrl = emailSettings(container).storefront_url
  const serviceOrders = container.resolve<ServiceOrderModuleService>(PORTICO_SERVICE_ORDER_MODULE)
  const results: SentEmail[] = []
  for (let skip = 0; ; skip += batchSize) {
    const batch = (await serviceOrders.listServiceOrders(
      { status: "pending", intake_form_id: { $ne: null }, created_at: { $lte: cutoff } },
      { order: { created_at: "ASC", id: "ASC" }, skip, take: batchSize }
    )) as ServiceOrderRow[]
    if (!batch.length) {
      break
    }
    const moves = await serviceOrders.listServiceOrderHistories(
      { service_order_id: batch.map((so) => so.id), to_status: "pending" },
      { select: ["service_order_id", "created_at"] }
    )
    const pendingSince = new Map<string, Date>()
    for (const move of moves as unknown as { service_order_id: string; created_at: Date | string }[]) {
      const at = new Date(move.created_at)
      const known = pendingSince.get(move.service_order_id)
      if (!known || at > known) pendingSince.set(move.service_order_id, at)
    }
    const due = batch
      .filter((so) => so.email)
      .map((so) => ({ so, n: dueReminder(pendingSince.get(so.id) ?? new Date(so.created_at), now, period) }))
      .filter(({ n }) => n > 0)
    const [customers, billing] = await Promise.all([
      customersById(container, due.map(({ so }) => so.customer_id)),
      billingNamesByOrder(container, due.map(({ so }) => so.order_id)),
    ])
    results.push(
      ...(await sendPorticoEmails(
        container,
        due.map(({ so, n }) => ({
          template: "intake_reminder" as const,
          to: so.email as string,
          data: intakeReminderData({
            service_order: so,
            customer: so.customer_id ? customers.get(so.customer_id) : null,
            billing_address: so.order_id ? billing.get(so.order_id) : null,
            reminder_number: n,
            storefront_url: storefrontUrl,
          }),
          idempotency_key: `portico:intake_reminder:${so.id}:${n}`,
          resource_id: so.id,
          resource_type: "portico_service_order",
          receiver_id: so.customer_id ?? null,
          trigger_type: "portico.intake_reminder",
        }))
      ))
    )
    if (batch.length < batchSize) {
      break
    }
  }
  return results
}
