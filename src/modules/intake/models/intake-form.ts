import { model } from "@medusajs/framework/utils"
import { IntakeFormVersion } from "./intake-form-version"

/**
 * An intake form: the questions a client answers after buying a service.
 * Its fields live in versions; `version` is the current one. Editing the
 * fields adds a version, so a submission always reads against the fields it
 * answered.
 */
export const IntakeForm = model
  .define({ name: "intake_form", tableName: "portico_intake_form" }, {
    id: model.id({ prefix: "iform" }).primaryKey(),
    title: model.text(),
    description: model.text().nullable(),
    version: model.number().default(1),
    metadata: model.json().nullable(),
    versions: model.hasMany(() => IntakeFormVersion, { mappedBy: "form" }),
  })
  .cascades({ delete: ["versions"] })
