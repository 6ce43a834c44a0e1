import { model } from "@medusajs/framework/utils"

/** One download of a product file by a client: who took which version, when. */
export const FileDownload = model
  .define({ name: "file_download", tableName: "portico_file_download" }, {
    id: model.id({ prefix: "fdl" }).primaryKey(),
    file_id: model.text(),
    version_id: model.text(),
    version: model.number(),
    filename: model.text(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    order_id: model.text().nullable(),
  })
  .indexes([{ on: ["file_id", "created_at"] }, { on: ["customer_id"] }])
