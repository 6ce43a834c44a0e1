import { model } from "@medusajs/framework/utils"
import { InvoiceLine } from "./invoice-line"

/**
 * One invoice per cart. It mirrors the cart while the cart is open
 * (`abandoned`), gets its number when the order is placed (`open`), and ends
 * `paid` or `void`. Amounts are in `currency_code`, as Medusa stores them.
 */
export const Invoice = model
  .define({ name: "invoice", tableName: "portico_invoice" }, {
    id: model.id({ prefix: "inv" }).primaryKey(),
    /** Sequential number (`INV-000001`), assigned when the invoice leaves `abandoned`. */
    number: model.text().nullable(),
    status: model.enum(["abandoned", "open", "paid", "void"]).default("abandoned"),
    /** The cart it mirrors; null for a subscription renewal's invoice (no cart). */
    cart_id: model.text().nullable(),
    /** A renewal's invoice: the subscription and its renewal (one invoice per renewal). */
    subscription_id: model.text().nullable(),
    renewal_id: model.text().nullable(),
    order_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    region_id: model.text().nullable(),
    currency_code: model.text(),
    item_count: model.number().default(0),
    subtotal: model.bigNumber().default(0),
    discount_total: model.bigNumber().default(0),
    tax_total: model.bigNumber().default(0),
    credit_total: model.bigNumber().default(0),
    /** Refunded to the client's account credit after the order (merchant refunds). */
    credit_refund_total: model.bigNumber().default(0),
    total: model.bigNumber().default(0),
    /** Promotion codes applied to the cart. */
    promotion_codes: model.array().nullable(),
    /** `updated_at` of the cart state last mirrored; older snapshots are ignored. */
    synced_at: model.dateTime().nullable(),
    opened_at: model.dateTime().nullable(),
    paid_at: model.dateTime().nullable(),
    voided_at: model.dateTime().nullable(),
    lines: model.hasMany(() => InvoiceLine, { mappedBy: "invoice" }),
    metadata: model.json().nullable(),
  })
  .cascades({ delete: ["lines"] })
  .indexes([
    { on: ["cart_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["renewal_id"], unique: true, where: "deleted_at IS NULL AND renewal_id IS NOT NULL" },
    { on: ["subscription_id"], where: "deleted_at IS NULL AND subscription_id IS NOT NULL" },
    { on: ["number"], unique: true, where: "deleted_at IS NULL AND number IS NOT NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
    { on: ["status", "created_at"], where: "deleted_at IS NULL" },
    { on: ["customer_id"], where: "deleted_at IS NULL" },
  ])
