import { model } from "@medusajs/framework/utils"
import { RENEWAL_STATUSES } from "../constants"
import { Subscription } from "./subscription"

/**
 * One billing period of a subscription being paid, written before anything
 * else happens (unique per subscription and period), so a rerun after a crash
 * resumes from this row's state instead of starting over. It records the
 * period's invoice, the credit taken, the card charge (payment collection
 * and session, one attempt after another), the period's Medusa order, and
 * the dunning state (attempts, next attempt, last error).
 */
export const SubscriptionRenewal = model
  .define({ name: "subscription_renewal", tableName: "portico_subscription_renewal" }, {
    id: model.id({ prefix: "subren" }).primaryKey(),
    subscription: model.belongsTo(() => Subscription, { mappedBy: "renewals" }),
    /** The period paid (the first purchase paid period 0; the first renewal pays period 1). */
    period: model.number(),
    period_start: model.dateTime(),
    period_end: model.dateTime(),
    status: model.enum(RENEWAL_STATUSES).default("pending"),
    currency_code: model.text(),
    amount: model.bigNumber(),
    /** Taken from the client's account credit (decided once, before any card charge). */
    credit_amount: model.bigNumber().nullable(),
    credit_transaction_id: model.text().nullable(),
    invoice_id: model.text().nullable(),
    order_id: model.text().nullable(),
    payment_collection_id: model.text().nullable(),
    payment_session_id: model.text().nullable(),
    /** Charge attempts made (the attempt number is part of the idempotency key). */
    attempt_count: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    last_error_code: model.text().nullable(),
    last_error_message: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    attempts: model.json().nullable(),
  })
  .indexes([
    { on: ["subscription_id", "period"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "next_attempt_at"], where: "deleted_at IS NULL" },
    { on: ["invoice_id"], where: "deleted_at IS NULL" },
  ])
