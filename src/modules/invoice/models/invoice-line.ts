import { model } from "@medusajs/framework/utils"
import { Invoice } from "./invoice"

/** One line of an invoice: a cart line item as it stood at the last mirror. */
export const InvoiceLine = model
  .define({ name: "invoice_line", tableName: "portico_invoice_line" }, {
    id: model.id({ prefix: "invl" }).primaryKey(),
    invoice: model.belongsTo(() => Invoice, { mappedBy: "lines" }),
    line_item_id: model.text(),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    title: model.text(),
    variant_title: model.text().nullable(),
    quantity: model.number(),
    unit_price: model.bigNumber(),
    subtotal: model.bigNumber().default(0),
    discount_total: model.bigNumber().default(0),
    tax_total: model.bigNumber().default(0),
    total: model.bigNumber().default(0),
    position: model.number().default(0),
  })
  .indexes([{ on: ["invoice_id", "line_item_id"], unique: true, where: "deleted_at IS NULL" }])
