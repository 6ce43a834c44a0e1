import { model } from "@medusajs/framework/utils"

/**
 * The last invoice number handed out, one row per sequence. It is incremented
 * in the same transaction that opens an invoice, under a row lock, so numbers
 * are unique and have no gaps even under concurrent checkouts.
 */
export const InvoiceCounter = model.define(
  { name: "invoice_counter", tableName: "portico_invoice_counter" },
  {
    id: model.text().primaryKey(),
    last_value: model.number().default(0),
  }
)
