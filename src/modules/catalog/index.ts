import { Module } from "@medusajs/framework/utils"
import CatalogModuleService from "./service"

/** Container key of Portico's catalog module. */
export const PORTICO_CATALOG_MODULE = "porticoCatalog"

export default Module(PORTICO_CATALOG_MODULE, {
  service: CatalogModuleService,
})

export { CatalogModuleService }
