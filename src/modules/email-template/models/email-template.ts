import { model } from "@medusajs/framework/utils"

/**
 * A merchant's override of one of Portico's emails: its subject and/or body
 * (text with `{{variable}}` placeholders, rendered inside Portico's email
 * layout). One row per template; `enabled: false` keeps the text but sends
 * the default email.
 */
export const EmailTemplate = model
  .define({ name: "email_template", tableName: "portico_email_template" }, {
    id: model.id({ prefix: "emtpl" }).primaryKey(),
    template: model.text(),
    /** Null: the default subject. */
    subject: model.text().nullable(),
    /** Null: the default body. */
    body: model.text().nullable(),
    enabled: model.boolean().default(true),
  })
  .indexes([{ on: ["template"], unique: true, where: "deleted_at IS NULL" }])
