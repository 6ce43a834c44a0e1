import { model } from "@medusajs/framework/utils"
import { ProductFile } from "./product-file"

/** One stored upload of a product file: private in Medusa's file module under a key Portico made. */
export const ProductFileVersion = model
  .define({ name: "product_file_version", tableName: "portico_product_file_version" }, {
    id: model.id({ prefix: "pfver" }).primaryKey(),
    file: model.belongsTo(() => ProductFile, { mappedBy: "versions" }),
    version: model.number(),
    /** The file module's id of the stored content. */
    file_key: model.text(),
    /** The merchant's file name, checked (no path, no control characters); sent as the download's name. */
    filename: model.text(),
    mime_type: model.text(),
    size: model.bigNumber(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["file_id", "version"], unique: true }])
