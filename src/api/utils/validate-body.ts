import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"

/** One field-level problem of a rejected request body. */
export type FieldError = {
  /** Dotted path of the field (`name`, `fields.2.label`), or `body` for the whole body. */
  field: string
  /** Stable machine code: `required`, `invalid_type`, `too_small`, `too_big`, `invalid_format`, `invalid_value`, `unknown_field`, … */
  code: string
  message: string
}

/** What every Portico route answers (HTTP 400) for a body that fails validation. */
export type ValidationErrorBody = {
  type: "invalid_data"
  code: "invalid_request"
  message: string
  errors: FieldError[]
}

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  let value = body
  for (const key of path) {
    if (value === null || typeof value !== "object") {
      return undefined
    }
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/**
 * Turns zod issues into one entry per offending field, with stable codes. A
 * field of the wrong type that is absent from `body` is reported `required`.
 */
export function fieldErrors(error: z.ZodError, body: unknown): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const field = issue.path.length ? issue.path.join(".") : "body"
    if (issue.code === "unrecognized_keys") {
      const prefix = issue.path.length ? `${field}.` : ""
      return issue.keys.map((key) => ({
        field: `${prefix}${key}`,
        code: "unknown_field",
        message: `Unknown field '${prefix}${key}'`,
      }))
    }
    if (issue.code === "invalid_type" && valueAt(body, issue.path) === undefined) {
      return [{ field, code: "required", message: `Field '${field}' is required` }]
    }
    // A refinement may name its own code (`params: { code: "too_precise" }`).
    const own = issue.code === "custom" ? (issue.params as { code?: unknown } | undefined)?.code : undefined
    return [{ field, code: typeof own === "string" ? own : issue.code, message: issue.message }]
  })
}

/** The 400 body of a refused request: `invalid_request` with one entry per offending field. */
export function invalidRequest(errors: FieldError[]): ValidationErrorBody {
  return {
    type: "invalid_data",
    code: "invalid_request",
    message: `Invalid request: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`,
    errors,
  }
}

/**
 * Middleware validating `req.body` against a zod schema. On success the parsed
 * value is `req.validatedBody`; otherwise the request ends with HTTP 400 and a
 * {@link ValidationErrorBody} listing every offending field, and the route (so
 * any write) never runs.
 */
export function validateBody(schema: z.ZodType) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const input = req.body ?? {}
    const result = schema.safeParse(input)
    if (!result.success) {
      res.status(400).json(invalidRequest(fieldErrors(result.error, input)))
      return
    }
    req.validatedBody = result.data
    next()
  }
}
