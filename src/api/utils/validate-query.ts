import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { fieldErrors, invalidRequest } from "./validate-body"

/** The largest value a PostgreSQL `integer` column holds. */
export const MAX_INT32 = 2_147_483_647

/** A whole number in a query string: digits only (no sign, no `0x3`, no `1e3`). */
const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, "Expected a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))

/**
 * The list parameters of a Portico route: `limit` (1 to `maxLimit`), `offset`
 * (0 or more), `order` (one of `orders`, `-` first for descending) and
 * `fields`. Paging is checked strictly: `limit=-1`, `limit=abc` and
 * `offset=1e9` are refused rather than passed to the database.
 */
export function listParams({
  limit = 20,
  maxLimit = 100,
  order,
  orders = [],
}: { limit?: number; maxLimit?: number; order?: string; orders?: string[] } = {}) {
  const orderValues = orders.flatMap((o) => [o, `-${o}`])
  return z.object({
    fields: z.string().max(2000).optional(),
    limit: queryInt(1, maxLimit).optional().transform((v) => v ?? limit),
    offset: queryInt(0, MAX_INT32).optional().transform((v) => v ?? 0),
    order: orderValues.length
      ? z.enum(orderValues as [string, ...string[]]).optional().transform((v) => v ?? order)
      : z.undefined().optional(),
  })
}

/** A date or date-time in a query (`2026-01-31`, `2026-01-31T10:00:00Z`); anything `Date` cannot read is refused. */
export const QueryDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "Expected an ISO date such as 2026-01-31")
  .refine((s) => !Number.isNaN(Date.parse(s)), "Not a real date")

/** A date filter: an exact date, or a range with `$gt`, `$gte`, `$lt`, `$lte` (`created_at[$gte]=2026-01-01`). */
export const DateFilter = z.union([
  QueryDate,
  z.object({ $gt: QueryDate.optional(), $gte: QueryDate.optional(), $lt: QueryDate.optional(), $lte: QueryDate.optional() }).strict(),
])

/** An id in a query (`order_id=order_…`): non-empty, no spaces. */
export const QueryId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "Expected an id")

/** A list of `values` as a repeated or comma-separated query parameter (`status=a,b` or `status=a&status=b`). */
export function EnumList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)))
}

/**
 * Medusa's query normalization (what `validateAndTransformQuery` validates):
 * a single repeated value `a[]=x,y` becomes a list, `a.b=x` becomes `{ a: { b: x } }`.
 */
function normalizeQuery(query: Record<string, unknown>): Record<string, unknown> | null {
  const out: Record<string, unknown> = {}
  for (const [key, val] of Object.entries(query)) {
    const value = Array.isArray(val) && val.length === 1 && typeof val[0] === "string" ? val[0].split(",") : val
    if (key.includes(".")) {
      const [parent, child, ...rest] = key.split(".")
      if (rest.length) {
        return null
      }
      out[parent] = { ...((out[parent] as object) ?? {}), [child]: value }
    } else {
      out[key] = value
    }
  }
  return out
}

/**
 * Like Medusa's `validateAndTransformQuery`, but a refused query answers as
 * Portico's bodies do: 400 `{ code: "invalid_request", errors: [{ field,
 * code, message }] }` with one entry per offending parameter (Medusa's own
 * answers with a sentence and no code). Unknown parameters are refused.
 */
export function validateQuery(schema: z.ZodObject, config: Parameters<typeof validateAndTransformQuery>[1]) {
  const medusa = validateAndTransformQuery(schema, config)
  const strict = schema.strict()
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const query = normalizeQuery(req.query as Record<string, unknown>)
    const result = query ? strict.safeParse(query) : null
    if (!result?.success) {
      const errors = result
        ? fieldErrors(result.error, query)
        : [{ field: "query", code: "too_deep", message: "Query keys are at most two levels deep" }]
      res.status(400).json(invalidRequest(errors))
      return
    }
    return medusa(req, res, next)
  }
}
