import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type {
  AdminSubscriptionResponse,
  SubscriptionAttemptView,
  SubscriptionHistoryView,
  SubscriptionRenewalView,
  SubscriptionView,
} from "../../contracts/http"
import { PORTICO_INVOICE_MODULE } from "../../modules/invoice"
import type InvoiceModuleService from "../../modules/invoice/service"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../modules/subscription"
import type SubscriptionModuleService from "../../modules/subscription/service"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"

type Row = Record<string, unknown>
const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null)

/** A subscription row as the routes answer it. */
export function subscriptionView(s: Row): SubscriptionView {
  const status = s.status as SubscriptionView["status"]
  const renewing = (status === "active" || status === "past_due") && !s.cancel_at_period_end
  return {
    id: s.id as string,
    status,
    customer_id: (s.customer_id as string | null) ?? null,
    email: (s.email as string | null) ?? null,
    product_id: (s.product_id as string | null) ?? null,
    variant_id: (s.variant_id as string | null) ?? null,
    title: s.title as string,
    variant_title: (s.variant_title as string | null) ?? null,
    order_id: s.order_id as string,
    service_order_id: (s.service_order_id as string | null) ?? null,
    currency_code: s.currency_code as string,
    unit_price: Number(s.unit_price),
    interval: s.interval as SubscriptionView["interval"],
    interval_count: Number(s.interval_count),
    billing_cycles: s.billing_cycles == null ? null : Number(s.billing_cycles),
    cycles_paid: Number(s.cycles_paid),
    current_period_start: iso(s.current_period_start) as string,
    current_period_end: iso(s.current_period_end) as string,
    next_renewal_at: renewing ? iso(s.current_period_end) : null,
    next_renewal_amount: renewing ? Number(s.unit_price) : null,
    cancel_at_period_end: !!s.cancel_at_period_end,
    canceled_at: iso(s.canceled_at),
    ended_at: iso(s.ended_at),
    paused_at: iso(s.paused_at),
    resume_at: iso(s.resume_at),
    payment_provider_id: (s.payment_provider_id as string | null) ?? null,
    payment_method_label: (s.payment_method_label as string | null) ?? null,
    has_saved_card: !!s.payment_method_id,
    created_at: iso(s.created_at) as string,
  }
}

const SUBSCRIPTION_FIELDS = [
  "id",
  "status",
  "customer_id",
  "email",
  "product_id",
  "variant_id",
  "title",
  "variant_title",
  "order_id",
  "service_order_id",
  "currency_code",
  "unit_price",
  "interval",
  "interval_count",
  "billing_cycles",
  "cycles_paid",
  "current_period_start",
  "current_period_end",
  "cancel_at_period_end",
  "canceled_at",
  "ended_at",
  "paused_at",
  "resume_at",
  "payment_provider_id",
  "payment_method_id",
  "payment_method_label",
  "created_at",
]

/** A page of subscriptions (newest first) matching `filters`. */
export async function listSubscriptionViews(
  scope: MedusaContainer,
  filters: Record<string, unknown>,
  page: { skip: number; take: number }
) {
  const subscriptions = scope.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
  const [rows, count] = await subscriptions.listAndCountSubscriptions(filters, {
    select: SUBSCRIPTION_FIELDS,
    order: { created_at: "DESC", id: "DESC" },
    skip: page.skip,
    take: page.take,
  })
  return { subscriptions: rows.map((r) => subscriptionView(r as Row)), count, limit: page.take, offset: page.skip }
}

/**
 * One subscription with its renewals (newest first, each with its invoice
 * number) and, for the admin, the renewals' charge attempts and the history.
 * `customer_id` makes it the client's: another client's subscription is a
 * 404, as an unknown id is.
 */
export async function subscriptionDetail(
  scope: MedusaContainer,
  id: string,
  options: { customer_id?: string; admin?: boolean } = {}
): Promise<AdminSubscriptionResponse["subscription"]> {
  const subscriptions = scope.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
  const filters: Record<string, unknown> = { id }
  if (options.customer_id !== undefined) {
    filters.customer_id = options.customer_id
  }
  const [row] = await subscriptions.listSubscriptions(filters, { select: SUBSCRIPTION_FIELDS, take: 1 })
  if (!row) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Subscription ${id} was not found.`)
  }
  const renewals = (await subscriptions.listSubscriptionRenewals(
    { subscription_id: id },
    { order: { period: "DESC" } }
  )) as unknown as Row[]
  const invoiceIds = renewals.map((r) => r.invoice_id as string | null).filter((x): x is string => !!x)
  const numbers = new Map<string, string | null>()
  if (invoiceIds.length) {
    const invoices = await scope
      .resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
      .listInvoices({ id: invoiceIds }, { select: ["id", "number"] })
    for (const inv of invoices) {
      numbers.set(inv.id, inv.number ?? null)
    }
  }
  const renewalViews = renewals.map((r) => {
    const view: SubscriptionRenewalView = {
      id: r.id as string,
      period: Number(r.period),
      period_start: iso(r.period_start) as string,
      period_end: iso(r.period_end) as string,
      status: r.status as SubscriptionRenewalView["status"],
      currency_code: r.currency_code as string,
      amount: Number(r.amount),
      credit_amount: Number(r.credit_amount ?? 0),
      invoice_id: (r.invoice_id as string | null) ?? null,
      invoice_number: r.invoice_id ? (numbers.get(r.invoice_id as string) ?? null) : null,
      order_id: (r.order_id as string | null) ?? null,
      attempt_count: Number(r.attempt_count ?? 0),
      next_attempt_at: iso(r.next_attempt_at),
      last_error_code: (r.last_error_code as string | null) ?? null,
      paid_at: iso(r.paid_at),
      created_at: iso(r.created_at) as string,
    }
    if (!options.admin) {
      return view as AdminSubscriptionResponse["subscription"]["renewals"][number]
    }
    return {
      ...view,
      last_error_message: (r.last_error_message as string | null) ?? null,
      attempts: ((r.attempts as Row[] | null) ?? []).map(
        (a): SubscriptionAttemptView => ({
          attempt: Number(a.attempt),
          at: a.at as string,
          status: a.status as SubscriptionAttemptView["status"],
          amount: Number(a.amount),
          code: (a.code as string | null) ?? null,
          message: (a.message as string | null) ?? null,
          idempotency_key: a.idempotency_key as string,
        })
      ),
    }
  })
  const history: SubscriptionHistoryView[] = options.admin
    ? ((await subscriptions.listSubscriptionHistories({ subscription_id: id }, { order: { created_at: "ASC" } })) as unknown as Row[]).map(
        (h) => ({
          id: h.id as string,
          action: h.action as SubscriptionHistoryView["action"],
          from_status: (h.from_status as SubscriptionHistoryView["from_status"]) ?? null,
          to_status: h.to_status as SubscriptionHistoryView["to_status"],
          actor_type: h.actor_type as SubscriptionHistoryView["actor_type"],
          actor_id: (h.actor_id as string | null) ?? null,
          note: (h.note as string | null) ?? null,
          data: (h.data as Record<string, unknown> | null) ?? null,
          created_at: iso(h.created_at) as string,
        })
      )
    : []
  return { ...subscriptionView(row as Row), renewals: renewalViews, history }
}
