import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import {
  type BillingInterval,
  RenewalStatus,
  type RenewalStatusType,
  type SubscriptionActorType,
  type SubscriptionHistoryAction,
  SubscriptionStatus,
  type SubscriptionStatusType,
} from "./constants"
import { Subscription } from "./models/subscription"
import { SubscriptionHistory } from "./models/subscription-history"
import { SubscriptionRenewal } from "./models/subscription-renewal"
import { periodBoundary } from "./periods"

/** Options of the subscription module (Portico's plugin options of the same names). */
export type SubscriptionModuleOptions = {
  /**
   * Days after a failed renewal charge at which it is tried again (each
   * counted from the first failure). Default `[1, 3, 5, 7]`. A hard decline
   * (a lost or stolen card, "do not try again") is never retried.
   */
  dunning_retry_days?: number[]
  /** When the retries are used up: `"cancel"` the subscription (default) or leave it `"past_due"`. */
  dunning_final_action?: "cancel" | "past_due"
  /** Days before a renewal to email the client that it is coming; 0 or unset sends none. */
  renewal_reminder_days?: number
}

/** A subscription to create: one purchased unit of a recurring service. */
export type NewSubscription = {
  customer_id?: string | null
  email?: string | null
  product_id?: string | null
  variant_id?: string | null
  title: string
  variant_title?: string | null
  order_id: string
  line_item_id: string
  unit_index: number
  invoice_id?: string | null
  service_order_id?: string | null
  region_id?: string | null
  sales_channel_id?: string | null
  currency_code: string
  unit_price: number
  interval: BillingInterval
  interval_count: number
  billing_cycles?: number | null
  anchor_at: Date
  payment_provider_id?: string | null
  payment_method_id?: string | null
  payment_account_holder_id?: string | null
  payment_method_label?: string | null
}

/** Who is making a change, and why. */
export type SubscriptionActor = { actor_type: SubscriptionActorType; actor_id?: string | null; note?: string | null }

/** A subscription row as the service's locked reads return it. */
export type SubscriptionRow = {
  id: string
  status: SubscriptionStatusType
  customer_id: string | null
  currency_code: string
  unit_price: string
  interval: BillingInterval
  interval_count: number
  billing_cycles: number | null
  cycles_paid: number
  anchor_at: Date
  anchor_period: number
  current_period_start: Date
  current_period_end: Date
  cancel_at_period_end: boolean
  paused_at: Date | null
  resume_at: Date | null
}

/** A renewal row as the service's reads return it. */
export type RenewalRow = {
  id: string
  subscription_id: string
  period: number
  period_start: Date
  period_end: Date
  status: RenewalStatusType
  currency_code: string
  amount: string
  credit_amount: string | null
  credit_transaction_id: string | null
  invoice_id: string | null
  order_id: string | null
  payment_collection_id: string | null
  payment_session_id: string | null
  attempt_count: number
  next_attempt_at: Date | null
  last_error_code: string | null
  paid_at: Date | null
}

/** What `beginRenewal` found: a renewal to work on, or why there is none. */
export type RenewalStart =
  | { renewal: RenewalRow; subscription: SubscriptionRow }
  | { renewal: null; reason: "not_found" | "not_renewing" | "not_due" | "canceled" | "ended"; subscription: SubscriptionRow | null }

/** What a subscription change did (for events and compensation). */
export type SubscriptionChange = {
  id: string
  from: SubscriptionStatusType
  to: SubscriptionStatusType
  action: SubscriptionHistoryAction
  /** The open renewals this change canceled (their invoices must be voided). */
  canceled_renewals: { id: string; invoice_id: string | null }[]
}

const OPEN_RENEWAL: RenewalStatusType[] = [RenewalStatus.PENDING, RenewalStatus.RETRYING, RenewalStatus.REQUIRES_ACTION]

function invalid(message: string, details?: Record<string, unknown>) {
  return new PorticoError(MedusaError.Types.NOT_ALLOWED, PorticoErrorCode.INVALID_SUBSCRIPTION_TRANSITION, message, {
    details,
  })
}

/**
 * Portico's subscription module: subscriptions, their renewals (one row per
 * period, written before the period is paid) and their history. Every change
 * runs under the subscription's row lock in one transaction and writes its
 * history row, so two callers (a client and the renewal job, two instances)
 * never interleave. The clock is the caller's (`now`), never the database's,
 * so tests can move time.
 */
export default class SubscriptionModuleService extends MedusaService({
  Subscription,
  SubscriptionRenewal,
  SubscriptionHistory,
}) {
  protected readonly options_: Required<SubscriptionModuleOptions>

  constructor(container: Record<string, unknown>, options: SubscriptionModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    const days = (options.dunning_retry_days ?? [1, 3, 5, 7]).filter((d) => Number.isFinite(d) && d > 0)
    this.options_ = {
      dunning_retry_days: [...days].sort((a, b) => a - b),
      dunning_final_action: options.dunning_final_action === "past_due" ? "past_due" : "cancel",
      renewal_reminder_days: Math.max(0, options.renewal_reminder_days ?? 0),
    }
  }

  /** The dunning schedule and reminder settings in force. */
  getSettings(): Required<SubscriptionModuleOptions> {
    return { ...this.options_, dunning_retry_days: [...this.options_.dunning_retry_days] }
  }

  /** The start of period `n` of a subscription (see `periodBoundary`). */
  static boundary(sub: Pick<SubscriptionRow, "anchor_at" | "anchor_period" | "interval" | "interval_count">, n: number) {
    return periodBoundary(new Date(sub.anchor_at), sub.interval, sub.interval_count, n - sub.anchor_period)
  }

  /**
   * Creates the subscriptions that do not exist yet (unique per line item
   * and unit, so a retried or duplicated post-payment run creates nothing
   * more). Returns the ids created by this call.
   */
  @InjectTransactionManager()
  async createMissingSubscriptions(
    rows: NewSubscription[],
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<string[]> {
    const manager = ctx.transactionManager!
    const created: string[] = []
    for (const row of rows) {
      const id = generateEntityId(undefined, "sub")
      const end = periodBoundary(row.anchor_at, row.interval, row.interval_count, 1)
      const price = String(row.unit_price)
      const inserted = (await manager.execute(
        `insert into portico_subscription
           (id, status, customer_id, email, product_id, variant_id, title, variant_title, order_id, line_item_id,
            unit_index, invoice_id, service_order_id, region_id, sales_channel_id, currency_code, unit_price,
            raw_unit_price, interval, interval_count, billing_cycles, cycles_paid, anchor_at, anchor_period,
            current_period_start, current_period_end, payment_provider_id, payment_method_id,
            payment_account_holder_id, payment_method_label)
         values (?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 1, ?, 0, ?, ?, ?, ?, ?, ?)
         on conflict (line_item_id, unit_index) where deleted_at is null do nothing
         returning id`,
        [
          id,
          row.customer_id ?? null,
          row.email ?? null,
          row.product_id ?? null,
          row.variant_id ?? null,
          row.title,
          row.variant_title ?? null,
          row.order_id,
          row.line_item_id,
          row.unit_index,
          row.invoice_id ?? null,
          row.service_order_id ?? null,
          row.region_id ?? null,
          row.sales_channel_id ?? null,
          row.currency_code,
          price,
          JSON.stringify({ value: price, precision: 20 }),
          row.interval,
          row.interval_count,
          row.billing_cycles ?? null,
          row.anchor_at,
          row.anchor_at,
          end,
          row.payment_provider_id ?? null,
          row.payment_method_id ?? null,
          row.payment_account_holder_id ?? null,
          row.payment_method_label ?? null,
        ]
      )) as { id: string }[]
      if (inserted.length) {
        created.push(id)
        await this.writeHistory(manager, id, "created", null, SubscriptionStatus.ACTIVE, { actor_type: "system" })
      }
    }
    return created
  }

  protected async lock(manager: EntityManager, id: string): Promise<SubscriptionRow | null> {
    const [row] = (await manager.execute(
      `select id, status, customer_id, currency_code, unit_price, interval, interval_count, billing_cycles, cycles_paid,
              anchor_at, anchor_period, current_period_start, current_period_end, cancel_at_period_end, paused_at, resume_at
       from portico_subscription where id = ? and deleted_at is null for update`,
      [id]
    )) as SubscriptionRow[]
    return row ?? null
  }

  protected async mustLock(manager: EntityManager, id: string) {
    const row = await this.lock(manager, id)
    if (!row) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Subscription ${id} was not found.`)
    }
    return row
  }

  protected async writeHistory(
    manager: EntityManager,
    id: string,
    action: SubscriptionHistoryAction,
    from: SubscriptionStatusType | null,
    to: SubscriptionStatusType,
    actor: SubscriptionActor,
    data?: Record<string, unknown>
  ) {
    await manager.execute(
      `insert into portico_subscription_history (id, subscription_id, action, from_status, to_status, actor_type, actor_id, note, data)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)`,
      [
        generateEntityId(undefined, "subhis"),
        id,
        action,
        from,
        to,
        actor.actor_type,
        actor.actor_id ?? null,
        actor.note ?? null,
        data ? JSON.stringify(data) : null,
      ]
    )
  }

  protected async openRenewals(manager: EntityManager, id: string): Promise<RenewalRow[]> {
    return (await manager.execute(
      `select * from portico_subscription_renewal
       where subscription_id = ? and deleted_at is null and status in (?, ?, ?) order by period`,
      [id, ...OPEN_RENEWAL]
    )) as RenewalRow[]
  }

  /** Cancels the open renewals of a subscription (their invoices are the caller's to void). */
  protected async cancelOpenRenewals(manager: EntityManager, id: string) {
    const open = await this.openRenewals(manager, id)
    if (open.length) {
      await manager.execute(
        `update portico_subscription_renewal set status = 'canceled', next_attempt_at = null, updated_at = now()
         where id in (${open.map(() => "?").join(", ")})`,
        open.map((r) => r.id)
      )
    }
    return open.map((r) => ({ id: r.id, invoice_id: r.invoice_id }))
  }

  protected async setStatus(
    manager: EntityManager,
    row: SubscriptionRow,
    to: SubscriptionStatusType,
    action: SubscriptionHistoryAction,
    actor: SubscriptionActor,
    columns: Record<string, unknown> = {},
    data?: Record<string, unknown>
  ) {
    const sets = Object.keys(columns).map((c) => `${c} = ?`)
    await manager.execute(
      `update portico_subscription set status = ?, ${[...sets, "updated_at = now()"].join(", ")} where id = ?`,
      [to, ...Object.values(columns), row.id]
    )
    await this.writeHistory(manager, row.id, action, row.status, to, actor, data)
  }

  /**
   * Finds or writes the renewal to work on now: an open one (being paid,
   * retried or waiting for the client), else, when the current period has
   * ended, the row for the next period (unique per subscription and period).
   * A subscription set to cancel at period end is canceled instead, and one
   * whose billing cycles are used up ends.
   */
  @InjectTransactionManager()
  async beginRenewal(id: string, now: Date, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<RenewalStart> {
    const manager = ctx.transactionManager!
    const sub = await this.lock(manager, id)
    if (!sub) {
      return { renewal: null, reason: "not_found", subscription: null }
    }
    if (sub.status !== SubscriptionStatus.ACTIVE && sub.status !== SubscriptionStatus.PAST_DUE) {
      return { renewal: null, reason: "not_renewing", subscription: sub }
    }
    const [open] = await this.openRenewals(manager, id)
    if (open) {
      return { renewal: open, subscription: sub }
    }
    if (new Date(sub.current_period_end) > now) {
      return { renewal: null, reason: "not_due", subscription: sub }
    }
    if (sub.cancel_at_period_end) {
      await this.setStatus(manager, sub, SubscriptionStatus.CANCELED, "canceled", { actor_type: "system", note: "at period end" }, {
        canceled_at: sub.current_period_end,
      })
      return { renewal: null, reason: "canceled", subscription: { ...sub, status: SubscriptionStatus.CANCELED } }
    }
    if (sub.billing_cycles != null && sub.cycles_paid >= sub.billing_cycles) {
      await this.setStatus(manager, sub, SubscriptionStatus.ENDED, "ended", { actor_type: "system" }, { ended_at: sub.current_period_end })
      return { renewal: null, reason: "ended", subscription: { ...sub, status: SubscriptionStatus.ENDED } }
    }
    const period = sub.cycles_paid
    const start = SubscriptionModuleService.boundary(sub, period)
    const end = SubscriptionModuleService.boundary(sub, period + 1)
    await manager.execute(
      `insert into portico_subscription_renewal
         (id, subscription_id, period, period_start, period_end, status, currency_code, amount, raw_amount)
       values (?, ?, ?, ?, ?, 'pending', ?, ?, ?::jsonb)
       on conflict (subscription_id, period) where deleted_at is null do nothing`,
      [
        generateEntityId(undefined, "subren"),
        id,
        period,
        start,
        end,
        sub.currency_code,
        sub.unit_price,
        JSON.stringify({ value: String(sub.unit_price), precision: 20 }),
      ]
    )
    const [renewal] = (await manager.execute(
      `select * from portico_subscription_renewal where subscription_id = ? and period = ? and deleted_at is null`,
      [id, period]
    )) as RenewalRow[]
    return { renewal, subscription: sub }
  }

  /** A renewal, read without a lock. */
  @InjectManager()
  async getRenewal(id: string, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<RenewalRow | null> {
    const [row] = (await ctx.manager!.execute(
      `select * from portico_subscription_renewal where id = ? and deleted_at is null`,
      [id]
    )) as RenewalRow[]
    return row ?? null
  }

  /**
   * Writes what a renewal step decided (its invoice, the credit taken, the
   * charge and its outcome) onto the renewal row, unless the renewal has been
   * closed meanwhile (canceled by a client, paid by another run): then
   * nothing is written and `false` is returned.
   */
  @InjectTransactionManager()
  async recordRenewal(
    id: string,
    patch: Partial<{
      status: RenewalStatusType
      credit_amount: number
      credit_transaction_id: string | null
      invoice_id: string
      order_id: string
      payment_collection_id: string
      payment_session_id: string | null
      attempt_count: number
      next_attempt_at: Date | null
      last_error_code: string | null
      last_error_message: string | null
      attempt: Record<string, unknown>
    }>,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<boolean> {
    const manager = ctx.transactionManager!
    const [row] = (await manager.execute(
      `select id, status from portico_subscription_renewal where id = ? and deleted_at is null for update`,
      [id]
    )) as { id: string; status: RenewalStatusType }[]
    if (!row || !OPEN_RENEWAL.includes(row.status)) {
      return false
    }
    const { attempt, credit_amount, ...columns } = patch
    const sets: string[] = []
    const values: unknown[] = []
    for (const [key, value] of Object.entries(columns)) {
      sets.push(`${key} = ?`)
      values.push(value)
    }
    if (credit_amount !== undefined) {
      sets.push("credit_amount = ?", "raw_credit_amount = ?::jsonb")
      values.push(String(credit_amount), JSON.stringify({ value: String(credit_amount), precision: 20 }))
    }
    if (attempt) {
      sets.push("attempts = coalesce(attempts, '[]'::jsonb) || ?::jsonb")
      values.push(JSON.stringify([attempt]))
    }
    if (sets.length) {
      await manager.execute(
        `update portico_subscription_renewal set ${sets.join(", ")}, updated_at = now() where id = ?`,
        [...values, id]
      )
    }
    return true
  }

  /**
   * A renewal charge failed or waits for the client: the renewal keeps
   * its state (`retrying` with the next attempt, `requires_action`, or
   * `failed` when dunning gives up) and the subscription becomes `past_due`
   * (or `canceled` when dunning gives up and `cancel` is asked).
   */
  @InjectTransactionManager()
  async markRenewalUnpaid(
    renewalId: string,
    outcome: {
      status: "retrying" | "requires_action" | "failed"
      next_attempt_at?: Date | null
      code: string
      message?: string | null
      /** When dunning gives up: cancel the subscription (else it stays past_due). */
      cancel?: boolean
      now: Date
    },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<SubscriptionChange | null> {
    const manager = ctx.transactionManager!
    const [renewal] = (await manager.execute(
      `select * from portico_subscription_renewal where id = ? and deleted_at is null`,
      [renewalId]
    )) as RenewalRow[]
    if (!renewal) {
      return null
    }
    const sub = await this.mustLock(manager, renewal.subscription_id)
    if (!OPEN_RENEWAL.includes(renewal.status)) {
      return null
    }
    await manager.execute(
      `update portico_subscription_renewal set status = ?, next_attempt_at = ?, last_error_code = ?, last_error_message = ?, updated_at = now()
       where id = ?`,
      [outcome.status, outcome.next_attempt_at ?? null, outcome.code, outcome.message ?? null, renewalId]
    )
    const action: SubscriptionHistoryAction = outcome.status === "requires_action" ? "payment_requires_action" : "payment_failed"
    const data = { renewal_id: renewalId, period: renewal.period, code: outcome.code, next_attempt_at: outcome.next_attempt_at ?? null }
    if (outcome.status === "failed" && outcome.cancel && sub.status !== SubscriptionStatus.CANCELED) {
      await this.setStatus(manager, sub, SubscriptionStatus.CANCELED, "canceled", { actor_type: "system", note: "unpaid" }, {
        canceled_at: outcome.now,
        cancel_reason: "unpaid",
      }, data)
      return { id: sub.id, from: sub.status, to: SubscriptionStatus.CANCELED, action: "canceled", canceled_renewals: [] }
    }
    const to = sub.status === SubscriptionStatus.ACTIVE ? SubscriptionStatus.PAST_DUE : sub.status
    await this.setStatus(manager, sub, to, action, { actor_type: "system" }, {}, data)
    return { id: sub.id, from: sub.status, to, action, canceled_renewals: [] }
  }

  /**
   * A renewal was paid and its order placed: the renewal becomes `paid`, the
   * subscription moves to the period it paid (`cycles_paid`, the current
   * period) and back to `active`. Idempotent: a renewal already paid changes
   * nothing (`false`).
   */
  @InjectTransactionManager()
  async completeRenewal(
    renewalId: string,
    input: { order_id: string; now: Date },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<{ completed: boolean; from: SubscriptionStatusType | null; to: SubscriptionStatusType | null }> {
    const manager = ctx.transactionManager!
    const [renewal] = (await manager.execute(
      `select * from portico_subscription_renewal where id = ? and deleted_at is null`,
      [renewalId]
    )) as RenewalRow[]
    if (!renewal) {
      return { completed: false, from: null, to: null }
    }
    const sub = await this.mustLock(manager, renewal.subscription_id)
    const [fresh] = (await manager.execute(`select status from portico_subscription_renewal where id = ?`, [renewalId])) as {
      status: RenewalStatusType
    }[]
    if (fresh.status === RenewalStatus.PAID) {
      return { completed: false, from: sub.status, to: sub.status }
    }
    await manager.execute(
      `update portico_subscription_renewal set status = 'paid', order_id = ?, paid_at = ?, next_attempt_at = null, updated_at = now()
       where id = ?`,
      [input.order_id, input.now, renewalId]
    )
    const cycles = Math.max(sub.cycles_paid, renewal.period + 1)
    // A subscription canceled while its charge was in flight keeps its status; the period is still paid.
    const to = sub.status === SubscriptionStatus.PAST_DUE ? SubscriptionStatus.ACTIVE : sub.status
    await manager.execute(
      `update portico_subscription set status = ?, cycles_paid = ?, current_period_start = ?, current_period_end = ?,
         reminded_at = null, updated_at = now() where id = ?`,
      [to, cycles, renewal.period_start, renewal.period_end, sub.id]
    )
    await this.writeHistory(manager, sub.id, "renewed", sub.status, to, { actor_type: "system" }, {
      renewal_id: renewalId,
      period: renewal.period,
      order_id: input.order_id,
    })
    return { completed: true, from: sub.status, to }
  }

  /**
   * Cancels now (`canceled`, open renewals canceled) or at the end of the
   * paid period (`cancel_at_period_end`, the status stays until then).
   */
  @InjectTransactionManager()
  async cancel(
    id: string,
    input: SubscriptionActor & { at_period_end: boolean; now: Date; reason?: string | null },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<SubscriptionChange & { period: { start: Date; end: Date } }> {
    const manager = ctx.transactionManager!
    const sub = await this.mustLock(manager, id)
    const period = { start: new Date(sub.current_period_start), end: new Date(sub.current_period_end) }
    if (sub.status === SubscriptionStatus.CANCELED || sub.status === SubscriptionStatus.ENDED) {
      throw invalid(`Subscription ${id} is already ${sub.status}.`, { status: sub.status })
    }
    if (input.at_period_end) {
      if (sub.status !== SubscriptionStatus.ACTIVE) {
        throw invalid(`Only an active subscription can be canceled at period end (this one is ${sub.status}).`, {
          status: sub.status,
        })
      }
      if (sub.cancel_at_period_end) {
        throw invalid(`Subscription ${id} is already set to cancel at period end.`, { status: sub.status })
      }
      await manager.execute(`update portico_subscription set cancel_at_period_end = true, updated_at = now() where id = ?`, [id])
      await this.writeHistory(manager, id, "cancel_scheduled", sub.status, sub.status, input, { at: sub.current_period_end })
      return { id, from: sub.status, to: sub.status, action: "cancel_scheduled", canceled_renewals: [], period }
    }
    const canceled = await this.cancelOpenRenewals(manager, id)
    await this.setStatus(manager, sub, SubscriptionStatus.CANCELED, "canceled", input, {
      canceled_at: input.now,
      cancel_reason: input.reason ?? null,
      cancel_at_period_end: false,
    })
    return { id, from: sub.status, to: SubscriptionStatus.CANCELED, action: "canceled", canceled_renewals: canceled, period }
  }

  /** Takes back a cancel set for the period end (before the period ends). */
  @InjectTransactionManager()
  async undoCancel(
    id: string,
    input: SubscriptionActor & { now: Date },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<SubscriptionChange> {
    const manager = ctx.transactionManager!
    const sub = await this.mustLock(manager, id)
    if (!sub.cancel_at_period_end || sub.status !== SubscriptionStatus.ACTIVE || new Date(sub.current_period_end) <= input.now) {
      throw invalid(`Subscription ${id} has no cancel to undo.`, { status: sub.status })
    }
    await manager.execute(`update portico_subscription set cancel_at_period_end = false, updated_at = now() where id = ?`, [id])
    await this.writeHistory(manager, id, "cancel_undone", sub.status, sub.status, input)
    return { id, from: sub.status, to: sub.status, action: "cancel_undone", canceled_renewals: [] }
  }

  /**
   * Pauses renewals (`paused`; an open renewal is canceled). With
   * `resume_at`, the renewal job resumes it then.
   */
  @InjectTransactionManager()
  async pause(
    id: string,
    input: SubscriptionActor & { now: Date; resume_at?: Date | null },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<SubscriptionChange> {
    const manager = ctx.transactionManager!
    const sub = await this.mustLock(manager, id)
    if (sub.status !== SubscriptionStatus.ACTIVE && sub.status !== SubscriptionStatus.PAST_DUE) {
      throw invalid(`Only an active or past-due subscription can be paused (this one is ${sub.status}).`, { status: sub.status })
    }
    if (input.resume_at && input.resume_at <= input.now) {
      throw new PorticoError(MedusaError.Types.INVALID_DATA, PorticoErrorCode.INVALID_RENEWAL_DATE, "resume_at must be in the future.", {
        field: "resume_at",
      })
    }
    const canceled = await this.cancelOpenRenewals(manager, id)
    await this.setStatus(manager, sub, SubscriptionStatus.PAUSED, "paused", input, {
      paused_at: input.now,
      resume_at: input.resume_at ?? null,
    }, input.resume_at ? { resume_at: input.resume_at } : undefined)
    return { id, from: sub.status, to: SubscriptionStatus.PAUSED, action: "paused", canceled_renewals: canceled }
  }

  /**
   * Resumes a paused subscription. Resumed within the period already paid,
   * nothing else changes (the next renewal stays at the period end).
   * Resumed after it, the subscription is re-anchored at the resume time: a
   * new period starts then and is renewed at once, and later periods follow
   * from that date (the paused time is neither charged nor owed).
   */
  @InjectTransactionManager()
  async resume(
    id: string,
    input: SubscriptionActor & { now: Date },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<SubscriptionChange & { renew_now: boolean }> {
    const manager = ctx.transactionManager!
    const sub = await this.mustLock(manager, id)
    if (sub.status !== SubscriptionStatus.PAUSED) {
      throw invalid(`Only a paused subscription can be resumed (this one is ${sub.status}).`, { status: sub.status })
    }
    const within = new Date(sub.current_period_end) > input.now
    const columns: Record<string, unknown> = { paused_at: null, resume_at: null }
    if (!within) {
      Object.assign(columns, {
        anchor_at: input.now,
        anchor_period: sub.cycles_paid,
        current_period_end: input.now,
      })
    }
    await this.setStatus(manager, sub, SubscriptionStatus.ACTIVE, "resumed", input, columns, within ? undefined : { anchor_at: input.now })
    return { id, from: sub.status, to: SubscriptionStatus.ACTIVE, action: "resumed", canceled_renewals: [], renew_now: !within }
  }

  /**
   * Moves the next renewal to `at` (merchant): the subscription is
   * re-anchored there, so later periods follow from it. Not while a renewal
   * is open (retry or cancel it first).
   */
  @InjectTransactionManager()
  async moveRenewal(
    id: string,
    input: SubscriptionActor & { at: Date; now: Date },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<SubscriptionChange> {
    const manager = ctx.transactionManager!
    const sub = await this.mustLock(manager, id)
    if (sub.status !== SubscriptionStatus.ACTIVE && sub.status !== SubscriptionStatus.PAUSED) {
      throw invalid(`The renewal date of a ${sub.status} subscription cannot be moved.`, { status: sub.status })
    }
    if ((await this.openRenewals(manager, id)).length) {
      throw invalid(`Subscription ${id} has a renewal in progress: retry or cancel it first.`, { status: sub.status })
    }
    if (input.at <= input.now) {
      throw new PorticoError(MedusaError.Types.INVALID_DATA, PorticoErrorCode.INVALID_RENEWAL_DATE, "The new renewal date must be in the future.", {
        field: "renewal_at",
      })
    }
    await manager.execute(
      `update portico_subscription set anchor_at = ?, anchor_period = ?, current_period_end = ?, updated_at = now() where id = ?`,
      [input.at, sub.cycles_paid, input.at, id]
    )
    await this.writeHistory(manager, id, "renewal_moved", sub.status, sub.status, input, {
      from: sub.current_period_end,
      to: input.at,
    })
    return { id, from: sub.status, to: sub.status, action: "renewal_moved", canceled_renewals: [] }
  }

  /** Makes an open renewal due now (the merchant's "retry now", or new payment details). */
  @InjectTransactionManager()
  async retryRenewalNow(
    id: string,
    input: SubscriptionActor & { now: Date },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<RenewalRow> {
    const manager = ctx.transactionManager!
    const sub = await this.mustLock(manager, id)
    const [open] = await this.openRenewals(manager, id)
    if (!open || (sub.status !== SubscriptionStatus.ACTIVE && sub.status !== SubscriptionStatus.PAST_DUE)) {
      throw invalid(`Subscription ${id} has no unpaid renewal to retry.`, { status: sub.status })
    }
    await manager.execute(
      `update portico_subscription_renewal set status = 'pending', next_attempt_at = ?, updated_at = now() where id = ?`,
      [input.now, open.id]
    )
    return { ...open, status: RenewalStatus.PENDING, next_attempt_at: input.now }
  }

  /** The payment method future renewals use (a new card from the portal). */
  @InjectTransactionManager()
  async setPaymentMethod(
    id: string,
    input: SubscriptionActor & {
      payment_provider_id: string
      payment_method_id: string | null
      payment_account_holder_id?: string | null
      payment_method_label?: string | null
    },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<SubscriptionChange> {
    const manager = ctx.transactionManager!
    const sub = await this.mustLock(manager, id)
    if (sub.status === SubscriptionStatus.CANCELED || sub.status === SubscriptionStatus.ENDED) {
      throw invalid(`Subscription ${id} is ${sub.status}.`, { status: sub.status })
    }
    await manager.execute(
      `update portico_subscription set payment_provider_id = ?, payment_method_id = ?, payment_account_holder_id = ?,
         payment_method_label = ?, updated_at = now() where id = ?`,
      [
        input.payment_provider_id,
        input.payment_method_id,
        input.payment_account_holder_id ?? null,
        input.payment_method_label ?? null,
        id,
      ]
    )
    await this.writeHistory(manager, id, "payment_method_updated", sub.status, sub.status, input, {
      payment_provider_id: input.payment_provider_id,
      payment_method_label: input.payment_method_label ?? null,
    })
    return { id, from: sub.status, to: sub.status, action: "payment_method_updated", canceled_renewals: [] }
  }

  /**
   * Records that the renewal reminder of the current period went out: only
   * while the subscription is still in the period the reminder was about
   * (`period_end`) and not reminded yet, so one caller of several wins
   * (`true`). `completeRenewal` clears it for the next period.
   */
  @InjectTransactionManager()
  async markReminded(
    id: string,
    input: { period_end: Date; now: Date },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<boolean> {
    const rows = (await ctx.transactionManager!.execute(
      `update portico_subscription set reminded_at = ?, updated_at = now()
       where id = ? and reminded_at is null and current_period_end = ? and deleted_at is null returning id`,
      [input.now, id, input.period_end]
    )) as { id: string }[]
    return rows.length > 0
  }

  /** Moves guest subscriptions to the customer who claimed them (first portal login). */
  @InjectTransactionManager()
  async moveToCustomer(
    fromCustomerIds: string[],
    toCustomerId: string,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<string[]> {
    if (!fromCustomerIds.length) {
      return []
    }
    const manager = ctx.transactionManager!
    const rows = (await manager.execute(
      `update portico_subscription set customer_id = ?, updated_at = now()
       where customer_id in (${fromCustomerIds.map(() => "?").join(", ")}) and deleted_at is null returning id`,
      [toCustomerId, ...fromCustomerIds]
    )) as { id: string }[]
    return rows.map((r) => r.id)
  }

  /**
   * Due subscriptions, oldest due first, one keyset page: renewing ones whose
   * period has ended (and whose open renewal, if any, is not waiting for a
   * later retry or for the client), and paused ones whose resume date has
   * come. `after` is the last row of the previous page.
   */
  @InjectManager()
  async listDue(
    now: Date,
    options: { limit: number; after?: { at: Date; id: string } | null },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<{ id: string; at: Date; status: SubscriptionStatusType }[]> {
    const manager = ctx.manager!
    const after = options.after
    return (await manager.execute(
      `select id, status, at from (
         select s.id, s.status, case when s.status = 'paused' then s.resume_at else s.current_period_end end as at
         from portico_subscription s
         where s.deleted_at is null
           and ((s.status in ('active', 'past_due') and s.current_period_end <= ?
                 and not exists (
                   select 1 from portico_subscription_renewal r
                   where r.subscription_id = s.id and r.deleted_at is null
                     and (r.status = 'requires_action' or (r.status = 'retrying' and r.next_attempt_at > ?))))
             or (s.status = 'paused' and s.resume_at <= ?))
       ) due
       ${after ? "where (at, id) > (?, ?)" : ""}
       order by at, id limit ?`,
      [now, now, now, ...(after ? [after.at, after.id] : []), options.limit]
    )) as { id: string; at: Date; status: SubscriptionStatusType }[]
  }
}
