import type { PorticoErrorBody, PorticoFieldError } from "../contracts/errors"

/**
 * A refused request (HTTP status 300 or more), with everything the server
 * said: its `message` (written for people), its stable machine `code`
 * (`currency_mismatch`, `invalid_intake`, …) and its per-field `errors[]`.
 *
 * Shaped like the js-sdk's `FetchError` (`message`, `status`, `statusText`),
 * so code written for it keeps working, plus what `FetchError` drops.
 */
export class PorticoApiError extends Error {
  /** The HTTP status (400, 404, 413, …). */
  readonly status: number
  /** The HTTP reason phrase. */
  readonly statusText: string
  /** The body's stable machine code, when it has one. */
  readonly code: string | undefined
  /** The body's per-field problems (`[]` when none). */
  readonly errors: PorticoFieldError[]
  /** Medusa's error type (`invalid_data`, `not_found`, …), when given. */
  readonly type: string | undefined
  /** The JSON body as received (`null` when the body was not JSON). */
  readonly body: unknown

  constructor(init: { status: number; statusText?: string; body: unknown }) {
    const body = init.body && typeof init.body === "object" ? (init.body as Partial<PorticoErrorBody>) : undefined
    const message =
      typeof body?.message === "string" && body.message.trim()
        ? body.message
        : init.statusText || `Request failed (${init.status})`
    super(message)
    this.name = "PorticoApiError"
    this.status = init.status
    this.statusText = init.statusText ?? ""
    this.code = typeof body?.code === "string" && body.code ? body.code : undefined
    this.type = typeof body?.type === "string" ? body.type : undefined
    this.errors = Array.isArray(body?.errors) ? body.errors.filter(isFieldError) : []
    this.body = init.body ?? null
  }
}

function isFieldError(e: unknown): e is PorticoFieldError {
  const f = e as Partial<PorticoFieldError> | null
  return !!f && typeof f.field === "string" && typeof f.code === "string" && typeof f.message === "string"
}

/**
 * Whether `error` is a {@link PorticoApiError}. Checks the shape as well as
 * the class, so it holds across bundles that each carry their own copy of
 * this module (a Next.js server action and a route handler, say).
 */
export function isPorticoApiError(error: unknown): error is PorticoApiError {
  if (error instanceof PorticoApiError) {
    return true
  }
  const e = error as Partial<PorticoApiError> | null
  return !!e && typeof e === "object" && e.name === "PorticoApiError" && typeof e.status === "number" && Array.isArray(e.errors)
}

/** The stable machine code of a refused request (e.g. `currency_mismatch`), or undefined. */
export function errorCodeOf(error: unknown): string | undefined {
  return isPorticoApiError(error) ? error.code : undefined
}

/** The per-field messages of a refused request by field path (the first message of a field wins); `{}` for other errors. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (isPorticoApiError(error)) {
    for (const e of error.errors) {
      out[e.field] ??= e.message
    }
  }
  return out
}
