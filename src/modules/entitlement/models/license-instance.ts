import { model } from "@medusajs/framework/utils"
import { LicenseKey } from "./license-key"

/**
 * One activation of a license key (an installation of the merchant's
 * software). At most one active instance per key and fingerprint: activating
 * again with the same fingerprint returns it.
 */
export const LicenseInstance = model
  .define({ name: "license_instance", tableName: "portico_license_instance" }, {
    id: model.id({ prefix: "linst" }).primaryKey(),
    license_key: model.belongsTo(() => LicenseKey, { mappedBy: "instances" }),
    name: model.text(),
    fingerprint: model.text(),
    deactivated_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["license_key_id", "fingerprint"], unique: true, where: "deactivated_at IS NULL AND deleted_at IS NULL" },
  ])
