import { Module } from "@medusajs/framework/utils"
import { PORTICO_SUBSCRIPTION_MODULE } from "./constants"
import SubscriptionModuleService from "./service"

export { PORTICO_SUBSCRIPTION_MODULE }

export default Module(PORTICO_SUBSCRIPTION_MODULE, {
  service: SubscriptionModuleService,
})

export { SubscriptionModuleService }
