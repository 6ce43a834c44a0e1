import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invalidRequest, type ValidationErrorBody } from "./validate-body"

/** Deepest nesting of objects and arrays a request body or query may have. */
export const MAX_INPUT_DEPTH = 16
/** Most values (strings, numbers, objects, …) one request body may hold. */
export const MAX_INPUT_VALUES = 5000

/**
 * Object keys refused anywhere in a request: every member of
 * `Object.prototype` (`__proto__`, `constructor`, `hasOwnProperty`,
 * `toString`, …). Such a key shadows a method that code (Portico's, Medusa's
 * or a library's) may call on the object, or pollutes prototypes when merged.
 */
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype))

type Problem = { path: string; code: "invalid_text" | "reserved_key" | "too_deep" | "too_many_values"; message: string }

/** Text PostgreSQL and JSON can store: no NUL character, no unpaired UTF-16 surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && (s as string & { isWellFormed(): boolean }).isWellFormed()
}

/**
 * The first problem of a decoded request input (JSON body, parsed query, an
 * intake's `answers`) that no route can store or safely handle, or null:
 * text with a NUL or an unpaired surrogate (in a value or a key), a key that
 * shadows an `Object.prototype` member, nesting deeper than
 * {@link MAX_INPUT_DEPTH}, more than {@link MAX_INPUT_VALUES} values.
 * Walks iteratively, so a hostile depth costs nothing.
 */
export function inputProblem(input: unknown, root = ""): Problem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: root, depth: 0 }]
  let count = 0
  while (stack.length) {
    const { value, path, depth } = stack.pop()!
    if (++count > MAX_INPUT_VALUES) {
      return { path: root || "body", code: "too_many_values", message: `At most ${MAX_INPUT_VALUES} values in one request` }
    }
    if (typeof value === "string") {
      if (!isStorableText(value)) {
        return { path: path || "body", code: "invalid_text", message: "Text may not contain NUL characters or unpaired surrogates" }
      }
      continue
    }
    if (value === null || typeof value !== "object") {
      continue
    }
    if (depth >= MAX_INPUT_DEPTH) {
      return { path: path || "body", code: "too_deep", message: `Nested deeper than ${MAX_INPUT_DEPTH} levels` }
    }
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]])
    for (const [key, child] of entries) {
      const at = path ? `${path}.${key}` : key
      if (!Array.isArray(value)) {
        if (!isStorableText(key)) {
          return { path: path || "body", code: "invalid_text", message: "Keys may not contain NUL characters or unpaired surrogates" }
        }
        if (RESERVED_KEYS.has(key)) {
          return { path: at, code: "reserved_key", message: `'${key}' cannot be used as a key` }
        }
      }
      stack.push({ value: child, path: at, depth: depth + 1 })
    }
  }
  return null
}

/** The 400 body for an input problem, shaped like every other validation error. */
export function problemBody(problem: Problem): ValidationErrorBody {
  return invalidRequest([{ field: problem.path, code: problem.code, message: problem.message }])
}

/**
 * Middleware run on every store, admin and auth request before any route
 * work: answers 404 for a path that cannot name anything (NUL, unpaired
 * surrogates, malformed escapes in an id), and refuses (400
 * `invalid_request`, one field error) a body or query that
 * holds text PostgreSQL cannot store, reserved keys, or hostile nesting (see
 * {@link inputProblem}). Such input reached the database (a 500) or
 * kept the server busy before.
 */
export function guardRequestInput(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // A path whose ids cannot exist (NUL, unpaired surrogates, bad escapes) names nothing: 404.
  let path: string | null
  try {
    // `originalUrl`: under a mounted matcher (`/admin*`) `req.path` is only what follows the mount.
    path = decodeURIComponent((req.originalUrl ?? req.url).split("?")[0])
  } catch {
    path = null
  }
  if (path === null || !isStorableText(path)) {
    res.status(404).json({ type: "not_found", code: "not_found", message: "Nothing was found at this address." })
    return
  }
  const problem =
    (req.query && Object.keys(req.query).length ? inputProblem(req.query) : null) ??
    (req.body !== undefined && typeof req.body === "object" ? inputProblem(req.body) : null) ??
    (typeof req.body === "string" && !isStorableText(req.body)
      ? ({ path: "body", code: "invalid_text", message: "Text may not contain NUL characters or unpaired surrogates" } as Problem)
      : null)
  if (problem) {
    res.status(400).json(problemBody(problem))
    return
  }
  next()
}

/** Portico routes that also take `multipart/form-data` (file uploads). */
const MULTIPART_ROUTES = [
  /^\/store\/portico\/service-orders\/[^/]+\/intake\/?$/,
  /^\/admin\/portico\/services\/[^/]+\/files\/?$/,
  /^\/admin\/portico\/services\/[^/]+\/files\/[^/]+\/versions\/?$/,
]

/**
 * Middleware for Portico's own write routes: a request with a body must send
 * it as JSON (`application/json`; multipart only on the upload routes), else
 * 415 `unsupported_media_type`. Without it, a form-encoded or text body
 * reached the validators as something else than what the client meant.
 */
export function requireJsonBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const length = Number(req.headers["content-length"] ?? 0)
  const chunked = req.headers["transfer-encoding"] !== undefined
  const path = (req.originalUrl ?? req.url).split("?")[0]
  const multipart = MULTIPART_ROUTES.some((r) => r.test(path)) && req.is("multipart/form-data")
  if ((length > 0 || chunked) && !req.is("application/json") && !multipart) {
    const message = "Send the request body as JSON (Content-Type: application/json)"
    res.status(415).json({
      type: "invalid_data",
      code: "unsupported_media_type",
      message,
      errors: [{ field: "body", code: "unsupported_media_type", message }],
    })
    return
  }
  next()
}
