import { model } from "@medusajs/framework/utils"
import { ServiceSettings } from "./service-settings"

/**
 * A folder of services in the catalog. Folders nest (`parent_id`) and are
 * ordered among their siblings by `position`; hidden folders are not shown to
 * clients.
 */
export const ServiceFolder = model
  .define({ name: "service_folder", tableName: "portico_service_folder" }, {
    id: model.id({ prefix: "sfold" }).primaryKey(),
    name: model.text(),
    handle: model.text(),
    description: model.text().nullable(),
    parent_id: model.text().nullable(),
    position: model.number().default(0),
    is_visible: model.boolean().default(true),
    metadata: model.json().nullable(),
    services: model.hasMany(() => ServiceSettings, { mappedBy: "folder" }),
  })
  .indexes([
    { on: ["handle"], unique: true, where: "deleted_at IS NULL" },
    { on: ["parent_id", "position"], where: "deleted_at IS NULL" },
  ])
