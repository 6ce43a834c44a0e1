import { model } from "@medusajs/framework/utils"
import { IntakeForm } from "./intake-form"

/** One immutable version of an intake form's fields (see `schema.ts` for their shape). */
export const IntakeFormVersion = model
  .define({ name: "intake_form_version", tableName: "portico_intake_form_version" }, {
    id: model.id({ prefix: "iformv" }).primaryKey(),
    form: model.belongsTo(() => IntakeForm, { mappedBy: "versions" }),
    version: model.number(),
    fields: model.json(),
  })
  .indexes([{ on: ["form_id", "version"], unique: true, where: "deleted_at IS NULL" }])
