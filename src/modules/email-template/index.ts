import { Module } from "@medusajs/framework/utils"
import { PORTICO_EMAIL_TEMPLATE_MODULE } from "./constants"
import EmailTemplateModuleService from "./service"

export { PORTICO_EMAIL_TEMPLATE_MODULE }
export * from "./templates/catalog"
export type { EmailData, EmailItem, EmailOverride, EmailServiceOrder, RenderedEmail } from "./templates/render"
export type { EmailSettings, EmailTemplateModuleOptions } from "./service"

export default Module(PORTICO_EMAIL_TEMPLATE_MODULE, {
  service: EmailTemplateModuleService,
})

export { EmailTemplateModuleService }
