import { MedusaError } from "@medusajs/framework/utils"
import type { PorticoErrorCodeType } from "../contracts/errors"

export { PorticoErrorCode, type PorticoErrorCodeType } from "../contracts/errors"

/**
 * A `MedusaError` carrying a stable `code` and, where one field of the request
 * is at fault, its name (`field`). Medusa's error handler answers it with
 * `{ type, code, message }`; Portico's routes add `errors: [{ field, code, message }]`.
 */
export class PorticoError extends MedusaError {
  field?: string
  details?: Record<string, unknown>

  constructor(
    type: string,
    code: PorticoErrorCodeType,
    message: string,
    options: { field?: string; details?: Record<string, unknown> } = {}
  ) {
    super(type, message, code)
    this.field = options.field
    this.details = options.details
  }
}
