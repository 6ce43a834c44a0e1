import { model } from "@medusajs/framework/utils"
import { SERVICE_ORDER_STATUSES, START_STATUSES } from "../../../contracts/statuses"
import { ServiceOrderHistory } from "./service-order-history"

/**
 * The work owed for one purchased unit of a service: a line with quantity 2
 * gives two service orders (`unit_index` 1 and 2 of `units`), each with its own
 * intake and status. Created once the invoice is paid; unique per line item
 * and unit, so a repeated "paid" event cannot create a second one.
 */
export const ServiceOrder = model
  .define({ name: "service_order", tableName: "portico_service_order" }, {
    id: model.id({ prefix: "sord" }).primaryKey(),
    order_id: model.text(),
    order_display_id: model.number().nullable(),
    line_item_id: model.text(),
    unit_index: model.number(),
    units: model.number(),
    invoice_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    title: model.text(),
    variant_title: model.text().nullable(),
    currency_code: model.text(),
    status: model.enum(SERVICE_ORDER_STATUSES),
    /** The status intake leads to (the service's setting when the order was created). */
    start_status: model.enum([...START_STATUSES]).default("submitted"),
    intake_form_id: model.text().nullable(),
    submitted_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
    refund_amount: model.bigNumber().nullable(),
    refund_method: model.text().nullable(),
    metadata: model.json().nullable(),
    history: model.hasMany(() => ServiceOrderHistory, { mappedBy: "service_order" }),
  })
  .cascades({ delete: ["history"] })
  .indexes([
    { on: ["line_item_id", "unit_index"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
    { on: ["invoice_id"], where: "deleted_at IS NULL" },
    { on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["status", "created_at"], where: "deleted_at IS NULL" },
    { on: ["product_id"], where: "deleted_at IS NULL" },
  ])
