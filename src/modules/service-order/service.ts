import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import {
  SERVICE_ORDER_TRANSITIONS,
  type ServiceOrderActorType,
  type ServiceOrderStatusType,
} from "./constants"
import { ServiceOrder } from "./models/service-order"
import { ServiceOrderHistory } from "./models/service-order-history"

/** A service order to create (one purchased unit of a service). */
export type NewServiceOrder = {
  order_id: string
  order_display_id?: number | null
  line_item_id: string
  unit_index: number
  units: number
  invoice_id?: string | null
  customer_id?: string | null
  email?: string | null
  product_id?: string | null
  variant_id?: string | null
  title: string
  variant_title?: string | null
  currency_code: string
  status: ServiceOrderStatusType
  start_status: "submitted" | "working"
  intake_form_id?: string | null
}

/** A status change to make. */
export type ServiceOrderTransitionInput = {
  id: string
  to: ServiceOrderStatusType
  actor_type: ServiceOrderActorType
  actor_id?: string | null
  note?: string | null
  /** Refuse unless the service order is in this status (e.g. intake needs `pending`). */
  expect_from?: ServiceOrderStatusType
  refund?: { amount: number; method: "credit" } | null
}

/** What a status change did. */
export type ServiceOrderTransition = {
  id: string
  order_id: string
  currency_code: string
  from: ServiceOrderStatusType
  to: ServiceOrderStatusType
  history_id: string
  /** The columns as they were, for a compensation to put back. */
  previous: {
    submitted_at: Date | null
    completed_at: Date | null
    canceled_at: Date | null
    refund_amount: string | null
    raw_refund_amount: unknown
    refund_method: string | null
  }
}

type Row = {
  id: string
  order_id: string
  currency_code: string
  status: ServiceOrderStatusType
  intake_form_id: string | null
  submitted_at: Date | null
  completed_at: Date | null
  canceled_at: Date | null
  refund_amount: string | null
  raw_refund_amount: unknown
  refund_method: string | null
}

/**
 * Portico's service-order module: one service order per purchased unit, its
 * status and a history row per change. Creation is insert-or-nothing on
 * (line_item_id, unit_index); every status change is a checked update under a
 * row lock with its history row in the same transaction.
 */
export default class ServiceOrderModuleService extends MedusaService({
  ServiceOrder,
  ServiceOrderHistory,
}) {
  /**
   * Creates the service orders that do not exist yet (by line item and unit)
   * with their first history row, in one transaction. Rows that already exist
   * are left alone, so a repeated call creates nothing. Returns the ids
   * created by this call.
   */
  @InjectTransactionManager()
  async createMissingServiceOrders(
    rows: NewServiceOrder[],
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<string[]> {
    const manager = ctx.transactionManager!
    const created: string[] = []
    for (const row of rows) {
      const id = generateEntityId(undefined, "sord")
      const inserted = (await manager.execute(
        `insert into portico_service_order
           (id, order_id, order_display_id, line_item_id, unit_index, units, invoice_id, customer_id, email,
            product_id, variant_id, title, variant_title, currency_code, status, start_status, intake_form_id)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (line_item_id, unit_index) where deleted_at is null do nothing
         returning id`,
        [
          id,
          row.order_id,
          row.order_display_id ?? null,
          row.line_item_id,
          row.unit_index,
          row.units,
          row.invoice_id ?? null,
          row.customer_id ?? null,
          row.email ?? null,
          row.product_id ?? null,
          row.variant_id ?? null,
          row.title,
          row.variant_title ?? null,
          row.currency_code,
          row.status,
          row.start_status,
          row.intake_form_id ?? null,
        ]
      )) as { id: string }[]
      if (inserted.length) {
        created.push(id)
        await manager.execute(
          `insert into portico_service_order_history (id, service_order_id, from_status, to_status, actor_type)
           values (?, ?, null, ?, 'system')`,
          [generateEntityId(undefined, "sohis"), id, row.status]
        )
      }
    }
    return created
  }

  /**
   * Moves a service order to another status and records who did it. Refused
   * (400 `invalid_transition`) when the move makes no sense from the current
   * status, and (400 `intake_not_pending`) when `expect_from` does not hold.
   */
  @InjectTransactionManager()
  async transitionServiceOrder(
    input: ServiceOrderTransitionInput,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<ServiceOrderTransition> {
    const manager = ctx.transactionManager!
    const [row] = (await manager.execute(
      `select id, order_id, currency_code, status, intake_form_id, submitted_at, completed_at, canceled_at,
         refund_amount, raw_refund_amount, refund_method
       from portico_service_order where id = ? and deleted_at is null for update`,
      [input.id]
    )) as Row[]
    if (!row) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Service order ${input.id} was not found.`)
    }
    if (input.expect_from && row.status !== input.expect_from) {
      throw new PorticoError(
        MedusaError.Types.NOT_ALLOWED,
        PorticoErrorCode.INTAKE_NOT_PENDING,
        `The intake of this order was already submitted (the order is ${row.status}).`,
        { details: { status: row.status } }
      )
    }
    const allowed = SERVICE_ORDER_TRANSITIONS[row.status] ?? []
    const needsForm = input.to === "pending" && !row.intake_form_id
    if (!allowed.includes(input.to) || needsForm) {
      throw new PorticoError(
        MedusaError.Types.NOT_ALLOWED,
        PorticoErrorCode.INVALID_TRANSITION,
        needsForm
          ? "Only a service order with an intake form can go back to pending."
          : `A ${row.status} service order cannot become ${input.to}.`,
        { field: "status", details: { from: row.status, to: input.to, allowed } }
      )
    }
    const now = new Date()
    const previous = {
      submitted_at: row.submitted_at,
      completed_at: row.completed_at,
      canceled_at: row.canceled_at,
      refund_amount: row.refund_amount,
      raw_refund_amount: row.raw_refund_amount,
      refund_method: row.refund_method,
    }
    await manager.execute(
      `update portico_service_order set status = ?, updated_at = now(),
         submitted_at = ?, completed_at = ?, canceled_at = ?, refund_amount = coalesce(?, refund_amount),
         raw_refund_amount = coalesce(?::jsonb, raw_refund_amount), refund_method = coalesce(?, refund_method)
       where id = ?`,
      [
        input.to,
        input.to === "submitted" || (input.to === "working" && row.status === "pending") ? now : row.submitted_at,
        input.to === "complete" ? now : input.to === "working" ? null : row.completed_at,
        input.to === "canceled" ? now : row.canceled_at,
        input.refund ? input.refund.amount : null,
        input.refund ? JSON.stringify({ value: String(input.refund.amount), precision: 20 }) : null,
        input.refund ? input.refund.method : null,
        row.id,
      ]
    )
    const historyId = generateEntityId(undefined, "sohis")
    await manager.execute(
      `insert into portico_service_order_history (id, service_order_id, from_status, to_status, actor_type, actor_id, note)
       values (?, ?, ?, ?, ?, ?, ?)`,
      [historyId, row.id, row.status, input.to, input.actor_type, input.actor_id ?? null, input.note ?? null]
    )
    return { id: row.id, order_id: row.order_id, currency_code: row.currency_code, from: row.status, to: input.to, history_id: historyId, previous }
  }

  /** Undoes {@link transitionServiceOrder}: the status, dates and refund as they were, the history row gone. */
  @InjectTransactionManager()
  async revertServiceOrderTransition(
    done: ServiceOrderTransition,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<void> {
    const manager = ctx.transactionManager!
    await manager.execute(
      `update portico_service_order set status = ?, submitted_at = ?, completed_at = ?, canceled_at = ?,
         refund_amount = ?, raw_refund_amount = ?::jsonb, refund_method = ?, updated_at = now()
       where id = ? and status = ?`,
      [
        done.from,
        done.previous.submitted_at,
        done.previous.completed_at,
        done.previous.canceled_at,
        done.previous.refund_amount,
        done.previous.raw_refund_amount == null ? null : JSON.stringify(done.previous.raw_refund_amount),
        done.previous.refund_method,
        done.id,
        done.to,
      ]
    )
    await manager.execute(`delete from portico_service_order_history where id = ?`, [done.history_id])
  }
}
