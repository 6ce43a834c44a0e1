import { model } from "@medusajs/framework/utils"

/**
 * A client's answers to the intake form of one service order, validated
 * against (and pointing at) the form version they answered. Uploaded files
 * are in Medusa's file module (private); `files` lists them per field.
 */
export const IntakeSubmission = model
  .define({ name: "intake_submission", tableName: "portico_intake_submission" }, {
    id: model.id({ prefix: "isub" }).primaryKey(),
    service_order_id: model.text(),
    form_id: model.text(),
    form_version_id: model.text(),
    version: model.number(),
    customer_id: model.text().nullable(),
    answers: model.json(),
    files: model.json(),
  })
  .indexes([{ on: ["service_order_id", "created_at"], where: "deleted_at IS NULL" }])
