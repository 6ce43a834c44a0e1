import { Module } from "@medusajs/framework/utils"
import { PORTICO_INTAKE_MODULE } from "./constants"
import IntakeModuleService from "./service"

export { PORTICO_INTAKE_MODULE }

export default Module(PORTICO_INTAKE_MODULE, {
  service: IntakeModuleService,
})

export { IntakeModuleService }
export {
  IntakeFieldSchema,
  IntakeFieldsSchema,
  INTAKE_FIELD_TYPES,
  validateIntake,
  type IntakeField,
  type IntakeFieldType,
} from "../../contracts/intake"
