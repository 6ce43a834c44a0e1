import { MedusaService } from "@medusajs/framework/utils"
import { ServiceFolder } from "./models/folder"

/**
 * Portico's catalog module: folders of services. Generated CRUD
 * (`createServiceFolders`, `listAndCountServiceFolders`, …) comes from `MedusaService`.
 */
export default class CatalogModuleService extends MedusaService({ ServiceFolder }) {}
