import { Module } from "@medusajs/framework/utils"
import { PORTICO_ENTITLEMENT_MODULE } from "./constants"
import EntitlementModuleService from "./service"

export { PORTICO_ENTITLEMENT_MODULE }

export default Module(PORTICO_ENTITLEMENT_MODULE, {
  service: EntitlementModuleService,
})

export { EntitlementModuleService }
