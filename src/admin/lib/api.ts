import { toast } from "@medusajs/ui"

/** One field-level problem reported by a Portico route (`errors[]` of a 4xx answer). */
export type FieldError = { field: string; code: string; message: string }

/**
 * A refused Portico request: the server's `message` (written for the
 * merchant), its stable `code` and the per-field `errors`.
 */
export class PorticoApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly errors: FieldError[]
  ) {
    super(message)
    this.name = "PorticoApiError"
  }
}

type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue }

function appendQuery(params: URLSearchParams, key: string, value: QueryValue) {
  if (value === undefined || value === null || value === "") {
    return
  }
  if (Array.isArray(value)) {
    value.forEach((v) => appendQuery(params, key, v))
  } else if (typeof value === "object") {
    Object.entries(value).forEach(([k, v]) => appendQuery(params, `${key}[${k}]`, v))
  } else {
    params.append(key, String(value))
  }
}

const baseUrl = import.meta.env.VITE_BACKEND_URL || "/"

/**
 * Calls a Portico admin route with the admin session. Unlike the js-sdk's
 * `FetchError`, which keeps only the message, a refusal is thrown as a
 * {@link PorticoApiError} that keeps the field errors, so forms can show them
 * next to the fields.
 */
export async function porticoFetch<T>(
  path: string,
  { method = "GET", body, query }: { method?: "GET" | "POST" | "DELETE"; body?: unknown; query?: Record<string, QueryValue> } = {}
): Promise<T> {
  const url = new URL(path.replace(/^\//, ""), new URL(baseUrl, window.location.origin).toString().replace(/\/?$/, "/"))
  const params = new URLSearchParams()
  Object.entries(query ?? {}).forEach(([key, value]) => appendQuery(params, key, value))
  url.search = params.toString()
  const response = await fetch(url, {
    method,
    credentials: "include",
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json().catch(() => ({}))
  if (!response.ok) {
    throw new PorticoApiError(
      typeof json.message === "string" && json.message ? json.message : response.statusText || `Request failed (${response.status})`,
      response.status,
      typeof json.code === "string" ? json.code : undefined,
      Array.isArray(json.errors) ? json.errors : []
    )
  }
  return json as T
}

/** The server's per-field messages of an error, by field (first message wins). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (error instanceof PorticoApiError) {
    for (const e of error.errors) {
      out[e.field] ??= e.message
    }
  }
  return out
}

/** Shows the server's message of a failed request to the merchant. */
export function toastError(error: unknown) {
  toast.error(error instanceof Error ? error.message : "Something went wrong")
}
