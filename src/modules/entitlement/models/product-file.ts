import { model } from "@medusajs/framework/utils"
import { ProductFileVersion } from "./product-file-version"

/**
 * A file of a service (product) that its buyers download in the portal.
 * Replacing it adds a version; clients always get the newest. Removing it
 * soft-deletes the row: versions and download records stay for the record.
 */
export const ProductFile = model
  .define({ name: "product_file", tableName: "portico_product_file" }, {
    id: model.id({ prefix: "pfile" }).primaryKey(),
    product_id: model.text(),
    title: model.text(),
    position: model.number().default(0),
    versions: model.hasMany(() => ProductFileVersion, { mappedBy: "file" }),
  })
  .indexes([{ on: ["product_id", "position"], where: "deleted_at IS NULL" }])
