import { Module } from "@medusajs/framework/utils"
import { PORTICO_SERVICE_ORDER_MODULE } from "./constants"
import ServiceOrderModuleService from "./service"

export { PORTICO_SERVICE_ORDER_MODULE }

export default Module(PORTICO_SERVICE_ORDER_MODULE, {
  service: ServiceOrderModuleService,
})

export { ServiceOrderModuleService }
