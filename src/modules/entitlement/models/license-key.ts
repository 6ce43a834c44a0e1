import { model } from "@medusajs/framework/utils"
import { LICENSE_KEY_STATUSES } from "../../../contracts/statuses"
import { LicenseInstance } from "./license-instance"

/**
 * A license key: one per purchased unit of a service with keys enabled
 * (unique per line item and unit). The key itself is the credential of the
 * public license API; 160 random bits written as Crockford base32 in four
 * groups of eight.
 */
export const LicenseKey = model
  .define({ name: "license_key", tableName: "portico_license_key" }, {
    id: model.id({ prefix: "lkey" }).primaryKey(),
    key: model.text(),
    status: model.enum([...LICENSE_KEY_STATUSES]).default("inactive"),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    title: model.text(),
    variant_title: model.text().nullable(),
    order_id: model.text(),
    order_display_id: model.number().nullable(),
    line_item_id: model.text(),
    unit_index: model.number(),
    service_order_id: model.text().nullable(),
    subscription_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    /** Null: unlimited. */
    activation_limit: model.number().nullable(),
    expires_at: model.dateTime().nullable(),
    /** Expires when its subscription ends (the service's `license_expiry: subscription`). */
    expires_with_subscription: model.boolean().default(false),
    disabled_reason: model.text().nullable(),
    instances: model.hasMany(() => LicenseInstance, { mappedBy: "license_key" }),
  })
  .indexes([
    { on: ["key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["line_item_id", "unit_index"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id"], where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
    { on: ["subscription_id"], where: "deleted_at IS NULL" },
  ])
