import { MedusaService } from "@medusajs/framework/utils"
import { Folder } from "./models/folder"

/**
 * Portico's catalog module: folders of services. Generated CRUD
 * (`createFolders`, `listAndCountFolders`, …) comes from `MedusaService`.
 */
export default class CatalogModuleService extends MedusaService({ Folder }) {}
