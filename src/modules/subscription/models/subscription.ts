import { model } from "@medusajs/framework/utils"
import { BILLING_INTERVALS, SUBSCRIPTION_STATUSES } from "../constants"
import { SubscriptionHistory } from "./subscription-history"
import { SubscriptionRenewal } from "./subscription-renewal"

/**
 * One purchased unit of a recurring service (a quantity-2 line gives two).
 * It keeps what was bought: the currency and unit price at purchase (a later
 * price change does not touch it), the interval, count and number of billing
 * cycles, and a billing anchor from which every period is computed (month
 * ends clamped, UTC). `cycles_paid` counts the periods paid, the first
 * purchase included; `current_period_end` is when the next renewal is due.
 */
export const Subscription = model
  .define({ name: "subscription", tableName: "portico_subscription" }, {
    id: model.id({ prefix: "sub" }).primaryKey(),
    status: model.enum(SUBSCRIPTION_STATUSES).default("active"),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    title: model.text(),
    variant_title: model.text().nullable(),
    /** The first purchase: its order, line item and unit, invoice, service order and sales context. */
    order_id: model.text(),
    line_item_id: model.text(),
    unit_index: model.number().default(1),
    invoice_id: model.text().nullable(),
    service_order_id: model.text().nullable(),
    region_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    currency_code: model.text(),
    /** The price of one period, as bought. */
    unit_price: model.bigNumber(),
    interval: model.enum([...BILLING_INTERVALS]),
    interval_count: model.number().default(1),
    /** Periods in all (the first included); null renews until canceled. */
    billing_cycles: model.number().nullable(),
    cycles_paid: model.number().default(1),
    /** Period `n` starts at `periodBoundary(anchor_at, interval, interval_count, n - anchor_period)`. */
    anchor_at: model.dateTime(),
    /** The period that starts at `anchor_at` (0; moved when a resume or a new renewal date re-anchors). */
    anchor_period: model.number().default(0),
    current_period_start: model.dateTime(),
    current_period_end: model.dateTime(),
    cancel_at_period_end: model.boolean().default(false),
    canceled_at: model.dateTime().nullable(),
    cancel_reason: model.text().nullable(),
    ended_at: model.dateTime().nullable(),
    paused_at: model.dateTime().nullable(),
    /** A paused subscription resumes itself at this time (null: until resumed). */
    resume_at: model.dateTime().nullable(),
    /** How renewals are paid after credit: the provider and, for cards, the saved method. */
    payment_provider_id: model.text().nullable(),
    payment_method_id: model.text().nullable(),
    payment_account_holder_id: model.text().nullable(),
    /** "visa •••• 4242", for people. */
    payment_method_label: model.text().nullable(),
    /** When the renewal reminder for the current period was sent. */
    reminded_at: model.dateTime().nullable(),
    renewals: model.hasMany(() => SubscriptionRenewal, { mappedBy: "subscription" }),
    history: model.hasMany(() => SubscriptionHistory, { mappedBy: "subscription" }),
    metadata: model.json().nullable(),
  })
  .cascades({ delete: ["renewals", "history"] })
  .indexes([
    { on: ["line_item_id", "unit_index"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "current_period_end", "id"], where: "deleted_at IS NULL" },
    { on: ["customer_id"], where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
  ])
