import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InvoiceStatus } from "./constants"
import { Invoice } from "./models/invoice"
import { InvoiceCounter } from "./models/invoice-counter"
import { InvoiceLine } from "./models/invoice-line"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"

/** Options of the invoice module (Portico's plugin options `invoice_number_prefix` / `invoice_number_padding`). */
export type InvoiceModuleOptions = {
  /** Text before the number. Default `INV-`. */
  number_prefix?: string
  /** Digits the number is zero-padded to. Default 6 (`INV-000001`). */
  number_padding?: number
  /**
   * Payment providers whose authorization is not a payment (bank transfer and
   * other manual methods): their invoices stay `open` at checkout until the
   * payment is captured (the merchant marks it received). Default: none.
   */
  deferred_payment_providers?: string[]
  /**
   * Who issues the invoices, as the PDF invoice heads them. Without a `name`
   * the PDF shows the Medusa store's name.
   */
  seller?: InvoiceSeller
}

/** The merchant as a PDF invoice names them (the invoice module's `seller` option). */
export type InvoiceSeller = {
  name?: string | null
  /** The postal address, one entry per printed line. */
  address_lines?: string[] | null
  email?: string | null
  /** VAT number or other tax id, printed as "Tax ID". */
  tax_id?: string | null
}

type Amount = number

/** A line of a cart, as the invoice mirrors it. */
export type InvoiceLineSnapshot = {
  line_item_id: string
  product_id?: string | null
  variant_id?: string | null
  title: string
  variant_title?: string | null
  quantity: number
  unit_price: Amount
  subtotal: Amount
  discount_total: Amount
  tax_total: Amount
  total: Amount
}

/** A cart's state, as the invoice mirrors it. */
export type InvoiceSnapshot = {
  cart_id: string
  customer_id?: string | null
  email?: string | null
  region_id?: string | null
  currency_code: string
  subtotal: Amount
  discount_total: Amount
  tax_total: Amount
  credit_total: Amount
  total: Amount
  promotion_codes: string[]
  /** When the cart was last changed; an older snapshot never overwrites a newer one. */
  synced_at: Date
  lines: InvoiceLineSnapshot[]
}

/** What a transition did: the invoice, and whether this call moved it. */
export type InvoiceTransition = { id: string; number: string | null; status: string; transitioned: boolean }

type Row = { id: string; status: string; number: string | null; synced_at: Date | null }

/**
 * Portico's invoice module: one invoice per cart, mirrored from the cart and
 * moved `abandoned` → `open` → `paid` | `void`. Every transition is a
 * conditional update under a row lock, so a retried or duplicated call is a
 * no-op (`transitioned: false`) and numbers are handed out exactly once.
 */
export default class InvoiceModuleService extends MedusaService({
  Invoice,
  InvoiceLine,
  InvoiceCounter,
}) {
  protected readonly numberPrefix: string
  protected readonly numberPadding: number
  protected readonly deferredProviders: Set<string>
  protected readonly seller: InvoiceSeller

  constructor(container: Record<string, unknown>, options: InvoiceModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.numberPrefix = options.number_prefix ?? "INV-"
    this.numberPadding = options.number_padding ?? 6
    this.deferredProviders = new Set(options.deferred_payment_providers ?? [])
    this.seller = { ...options.seller }
  }

  /** The merchant as configured (the `seller` option; every part may be missing). */
  getSeller(): InvoiceSeller {
    return { ...this.seller, address_lines: [...(this.seller.address_lines ?? [])] }
  }

  /** Whether an authorization by this payment provider is not yet a payment. */
  isDeferredProvider(providerId: string) {
    return this.deferredProviders.has(providerId)
  }

  /** Formats a sequence value as an invoice number (`INV-000042`). */
  formatNumber(value: number) {
    return `${this.numberPrefix}${String(value).padStart(this.numberPadding, "0")}`
  }

  /** Creates the cart's invoice row if missing and locks it for this transaction. */
  protected async lockForCart(
    manager: EntityManager,
    cartId: string,
    currency: string,
    id: string,
    create = true
  ): Promise<Row | undefined> {
    if (create) {
      await manager.execute(
        `insert into portico_invoice (id, cart_id, currency_code, status)
         values (?, ?, ?, 'abandoned')
         on conflict (cart_id) where deleted_at is null do nothing`,
        [id, cartId, currency]
      )
    }
    const [row] = (await manager.execute(
      `select id, status, number, synced_at
       from portico_invoice where cart_id = ? and deleted_at is null for update`,
      [cartId]
    )) as Row[]
    return row
  }

  /**
   * Mirrors a cart into its invoice, creating it (`abandoned`) when the cart
   * has items and no invoice yet (a cart that never had an item gets none:
   * `id: null`). Only an `abandoned` invoice changes; a snapshot older than
   * the last one mirrored is ignored. Returns the invoice id and whether it
   * was created or changed.
   */
  @InjectTransactionManager()
  async mirrorCart(
    snapshot: InvoiceSnapshot,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<{ id: string | null; created: boolean; changed: boolean }> {
    const manager = ctx.transactionManager!
    const newId = generateEntityId(undefined, "inv")
    const row = await this.lockForCart(
      manager,
      snapshot.cart_id,
      snapshot.currency_code,
      newId,
      snapshot.lines.length > 0
    )
    if (!row) {
      return { id: null, created: false, changed: false }
    }
    const created = row.id === newId
    if (row.status !== InvoiceStatus.ABANDONED) {
      return { id: row.id, created, changed: false }
    }
    if (row.synced_at && new Date(row.synced_at) > snapshot.synced_at) {
      return { id: row.id, created, changed: false }
    }
    // A snapshot equal to what the invoice holds writes nothing (reading a
    // cart's invoice brings it up to date without touching an unchanged one).
    if (!created && (await this.holdsSnapshot(row.id, snapshot, ctx))) {
      return { id: row.id, created, changed: false }
    }
    await this.writeSnapshot(row.id, snapshot, ctx)
    return { id: row.id, created, changed: true }
  }

  /** Whether invoice `id` already holds exactly `snapshot` (totals, codes, lines in order). */
  protected async holdsSnapshot(id: string, snapshot: InvoiceSnapshot, ctx: Context<EntityManager>) {
    const [invoice] = await this.listInvoices({ id }, {}, ctx)
    if (!invoice) {
      return false
    }
    const lines = await this.listInvoiceLines({ invoice_id: id }, { order: { position: "ASC" } }, ctx)
    const same = (a: unknown, b: unknown) =>
      typeof b === "number" || typeof a === "number" ? Number(a ?? 0) === Number(b ?? 0) : (a ?? null) === (b ?? null)
    const { lines: wanted, promotion_codes, synced_at: _at, cart_id: _cart, ...totals } = snapshot
    const stored = invoice as unknown as Record<string, unknown>
    if (!Object.entries(totals).every(([k, v]) => same(stored[k], v))) {
      return false
    }
    if (JSON.stringify([...(invoice.promotion_codes as string[] | null ?? [])].sort()) !== JSON.stringify([...promotion_codes].sort())) {
      return false
    }
    if (lines.length !== wanted.length) {
      return false
    }
    return wanted.every((line, i) => {
      const have = lines[i] as unknown as Record<string, unknown>
      return Object.entries(line).every(([k, v]) => same(have[k], v))
    })
  }

  protected async writeSnapshot(id: string, snapshot: InvoiceSnapshot, ctx: Context<EntityManager>) {
    const { lines, promotion_codes, ...totals } = snapshot
    await this.updateInvoices(
      {
        id,
        ...totals,
        promotion_codes,
        item_count: lines.reduce((n, l) => n + l.quantity, 0),
      },
      ctx
    )
    const existing = await this.listInvoiceLines({ invoice_id: id }, { select: ["id"] }, ctx)
    if (existing.length) {
      await this.deleteInvoiceLines(
        existing.map((l) => l.id),
        ctx
      )
    }
    if (lines.length) {
      await this.createInvoiceLines(
        lines.map((l, position) => ({ ...l, position, invoice_id: id })),
        ctx
      )
    }
  }

  /**
   * Moves the cart's invoice from `abandoned` to `open` for `orderId`: mirrors
   * the final cart, takes the next number and stamps `opened_at`, all in one
   * transaction (the counter row stays locked until it commits, so concurrent
   * checkouts get consecutive numbers and a rollback leaves no gap). An
   * invoice already past `abandoned` is left alone (`transitioned: false`).
   * `created`: the cart had no invoice yet (its order was placed before the
   * background mirror made one), so it was created here.
   */
  @InjectTransactionManager()
  async openInvoice(
    snapshot: InvoiceSnapshot,
    orderId: string,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<InvoiceTransition & { created: boolean }> {
    const manager = ctx.transactionManager!
    const newId = generateEntityId(undefined, "inv")
    const row = (await this.lockForCart(manager, snapshot.cart_id, snapshot.currency_code, newId))!
    const created = row.id === newId
    if (row.status !== InvoiceStatus.ABANDONED) {
      return { id: row.id, number: row.number, status: row.status, transitioned: false, created }
    }
    await this.writeSnapshot(row.id, { ...snapshot, synced_at: new Date() }, ctx)
    // A number once handed out stays with its invoice: an invoice reopened
    // after a rolled-back workflow keeps it, so the sequence has no gaps.
    const number = row.number ?? (await this.nextNumber(manager))
    await manager.execute(
      `update portico_invoice set status = 'open', number = ?, order_id = ?, opened_at = now(), updated_at = now()
       where id = ?`,
      [number, orderId, row.id]
    )
    return { id: row.id, number, status: InvoiceStatus.OPEN, transitioned: true, created }
  }

  /** Takes the next invoice number (the counter row stays locked until the transaction commits). */
  protected async nextNumber(manager: EntityManager) {
    await manager.execute(
      `insert into portico_invoice_counter (id, last_value) values ('invoice', 0) on conflict (id) do nothing`
    )
    const [{ last_value }] = (await manager.execute(
      `update portico_invoice_counter set last_value = last_value + 1, updated_at = now()
       where id = 'invoice' returning last_value`
    )) as { last_value: number }[]
    return this.formatNumber(Number(last_value))
  }

  /**
   * Opens the invoice of a subscription renewal (no cart): `open` at once,
   * with the next number of the same sequence and one line, the period at the
   * subscription's price. One invoice per renewal: called again, it returns
   * the invoice that exists (`transitioned: false`).
   */
  @InjectTransactionManager()
  async openRenewalInvoice(
    input: {
      renewal_id: string
      subscription_id: string
      customer_id?: string | null
      email?: string | null
      region_id?: string | null
      currency_code: string
      line: Omit<InvoiceLineSnapshot, "line_item_id" | "quantity" | "subtotal" | "discount_total" | "tax_total" | "total">
      metadata?: Record<string, unknown>
    },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<InvoiceTransition> {
    const manager = ctx.transactionManager!
    const existing = (await manager.execute(
      `select id, status, number from portico_invoice where renewal_id = ? and deleted_at is null for update`,
      [input.renewal_id]
    )) as Row[]
    if (existing[0]) {
      return { id: existing[0].id, number: existing[0].number, status: existing[0].status, transitioned: false }
    }
    const [invoice] = await this.createInvoices(
      [
        {
          number: await this.nextNumber(manager),
          status: InvoiceStatus.OPEN,
          cart_id: null,
          subscription_id: input.subscription_id,
          renewal_id: input.renewal_id,
          customer_id: input.customer_id ?? null,
          email: input.email ?? null,
          region_id: input.region_id ?? null,
          currency_code: input.currency_code,
          item_count: 1,
          subtotal: input.line.unit_price,
          total: input.line.unit_price,
          opened_at: new Date(),
          metadata: input.metadata ?? null,
        },
      ],
      ctx
    )
    await this.createInvoiceLines(
      [
        {
          ...input.line,
          invoice_id: invoice.id,
          line_item_id: `renewal:${input.renewal_id}`,
          quantity: 1,
          subtotal: input.line.unit_price,
          total: input.line.unit_price,
          position: 0,
        },
      ],
      ctx
    )
    return { id: invoice.id, number: invoice.number, status: InvoiceStatus.OPEN, transitioned: true }
  }

  /**
   * Records what a renewal's invoice was paid with from account credit
   * (`credit_total`, and `total` what is left) and, once placed, its order.
   */
  @InjectTransactionManager()
  async settleRenewalInvoice(
    id: string,
    input: { credit_total?: number; order_id?: string },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ) {
    const manager = ctx.transactionManager!
    const [row] = (await manager.execute(
      `select id, subtotal from portico_invoice where id = ? and renewal_id is not null and deleted_at is null for update`,
      [id]
    )) as { id: string; subtotal: string }[]
    if (!row) {
      return
    }
    await this.updateInvoices(
      {
        id,
        ...(input.credit_total !== undefined
          ? { credit_total: input.credit_total, total: MathBN.sub(row.subtotal, input.credit_total).toNumber() }
          : {}),
        ...(input.order_id ? { order_id: input.order_id } : {}),
      },
      ctx
    )
  }

  /**
   * `open` → `paid` (stamps `paid_at`). Already paid: `transitioned: false`.
   * Throws for an invoice that is not open or paid.
   */
  @InjectTransactionManager()
  async markPaid(id: string, @MedusaContext() ctx: Context<EntityManager> = {}) {
    return this.transition(id, InvoiceStatus.OPEN, InvoiceStatus.PAID, "paid_at", ctx)
  }

  /** `open` → `void` (stamps `voided_at`). Already void: `transitioned: false`. */
  @InjectTransactionManager()
  async voidInvoice(id: string, @MedusaContext() ctx: Context<EntityManager> = {}) {
    return this.transition(id, InvoiceStatus.OPEN, InvoiceStatus.VOID, "voided_at", ctx)
  }

  /**
   * Puts an invoice back in `status` and clears the stamps of later states;
   * the compensation of the transition steps. The number is kept.
   */
  @InjectTransactionManager()
  async restoreStatus(
    id: string,
    status: "abandoned" | "open",
    @MedusaContext() ctx: Context<EntityManager> = {}
  ) {
    const manager = ctx.transactionManager!
    await manager.execute(
      status === "abandoned"
        ? `update portico_invoice set status = 'abandoned', order_id = null, opened_at = null, paid_at = null, voided_at = null, updated_at = now() where id = ?`
        : `update portico_invoice set status = 'open', paid_at = null, voided_at = null, updated_at = now() where id = ?`,
      [id]
    )
  }

  /**
   * Adds `amount` to the credit refunded on the invoice of `orderId` (a
   * negative amount takes it back: compensation), under a row lock. Returns
   * the invoice, or null when the order has none.
   */
  @InjectTransactionManager()
  async addCreditRefund(
    orderId: string,
    amount: number,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<{ id: string; credit_refund_total: number } | null> {
    const manager = ctx.transactionManager!
    const [row] = (await manager.execute(
      `select id, credit_refund_total from portico_invoice where order_id = ? and deleted_at is null for update`,
      [orderId]
    )) as { id: string; credit_refund_total: string }[]
    if (!row) {
      return null
    }
    const total = MathBN.add(row.credit_refund_total ?? 0, amount).toNumber()
    await this.updateInvoices({ id: row.id, credit_refund_total: total }, ctx)
    return { id: row.id, credit_refund_total: total }
  }

  protected async transition(
    id: string,
    from: string,
    to: string,
    stamp: "paid_at" | "voided_at",
    ctx: Context<EntityManager>
  ): Promise<InvoiceTransition> {
    const manager = ctx.transactionManager!
    const [row] = (await manager.execute(
      `select id, status, number from portico_invoice where id = ? and deleted_at is null for update`,
      [id]
    )) as Row[]
    if (!row) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Invoice ${id} was not found.`)
    }
    if (row.status === to) {
      return { id, number: row.number, status: to, transitioned: false }
    }
    if (row.status !== from) {
      return { id, number: row.number, status: row.status, transitioned: false }
    }
    await manager.execute(
      `update portico_invoice set status = ?, ${stamp} = now(), updated_at = now() where id = ?`,
      [to, id]
    )
    return { id, number: row.number, status: to, transitioned: true }
  }
}
