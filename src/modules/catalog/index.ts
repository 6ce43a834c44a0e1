import { Module } from "@medusajs/framework/utils"
import { PORTICO_CATALOG_MODULE } from "./constants"
import CatalogModuleService from "./service"

export { PORTICO_CATALOG_MODULE }

export default Module(PORTICO_CATALOG_MODULE, {
  service: CatalogModuleService,
})

export { CatalogModuleService }
