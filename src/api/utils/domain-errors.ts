import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getHttpResponseFromError } from "@medusajs/framework/http"
import type { FieldError } from "./validate-body"

type DomainErrorLike = { code?: unknown; type?: unknown; message?: unknown; field?: unknown; details?: unknown }

/**
 * Wraps a route so that a Portico domain error (a `PorticoError`, also after a
 * workflow serialized it) is answered like a failed body validation:
 * `{ type, code, message, errors: [{ field, code, message }] }` with the
 * status Medusa gives its type (400, 404, …). Other errors go to Medusa's
 * error handler unchanged.
 */
export function withFieldErrors<Req extends MedusaRequest>(
  handler: (req: Req, res: MedusaResponse) => Promise<void>
) {
  return async (req: Req, res: MedusaResponse) => {
    try {
      await handler(req, res)
    } catch (e) {
      const err = (e ?? {}) as DomainErrorLike
      if (typeof err.field !== "string" && err.details === undefined) {
        throw e
      }
      const { statusCode, body } = getHttpResponseFromError(e)
      // An error about several fields carries them in `details.errors`.
      const listed = (err.details as { errors?: unknown } | undefined)?.errors
      const errors: FieldError[] = Array.isArray(listed)
        ? (listed as FieldError[])
        : typeof err.field === "string"
          ? [{ field: err.field, code: String(err.code), message: String(err.message) }]
          : []
      res.status(statusCode).json({
        ...body,
        ...(err.details && typeof err.details === "object" ? err.details : {}),
        errors,
      })
    }
  }
}
