import { PorticoApiError } from "./errors"

/** A query string value: nested objects become `key[sub]=…`, arrays repeat the key. */
export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue }

/** Headers of one call; `null` removes a default header. */
export type RequestHeaders = Record<string, string | null | undefined>

/**
 * How a Portico client reaches the backend: a subset of the js-sdk's own
 * `Config` (`new Medusa(config)`), so one configuration object serves both.
 */
export type PorticoClientConfig = {
  /** The Medusa backend's URL; `"/"` or `""` in a browser means the page's own origin. */
  baseUrl: string
  /** Sent as `x-publishable-api-key` (store routes need it). */
  publishableKey?: string
  /** A secret API key (admin routes from a server), sent as HTTP Basic. */
  apiKey?: string
  /** `session`: the browser's cookies are sent (the admin); otherwise a bearer token is. */
  auth?: { type?: "session" | "jwt"; fetchCredentials?: RequestCredentials }
  /** Headers sent with every call. */
  globalHeaders?: Record<string, string>
}

/** Options of one call. */
export type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  query?: Record<string, QueryValue>
  /** JSON-encoded, or sent as it is when `FormData`. */
  body?: unknown
  /** Merged over the client's headers (e.g. a customer's `authorization`). */
  headers?: RequestHeaders
  cache?: RequestCache
  signal?: AbortSignal
}

/**
 * Per-call options the typed route functions pass through: headers, cache
 * mode, abort signal, and extra query parameters (e.g. `fields` of a Medusa
 * route; a function's own typed query wins over them).
 */
export type CallOptions = Pick<RequestOptions, "headers" | "cache" | "signal" | "query">

/** Where a Portico client gets what the js-sdk would use: a fetch implementation and the stored token. */
export type TransportOptions = {
  /**
   * The js-sdk client whose stored token is sent as `authorization: Bearer …`
   * for `jwt` auth (skipped when the call passes its own `authorization`).
   * Typed by shape, so any `@medusajs/js-sdk` copy fits.
   */
  sdk?: { client: { getToken(): Promise<string | null | undefined> } }
  /** The `fetch` to use (a test's fake, a framework's own); the global one by default. */
  fetch?: typeof fetch
}

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

function origin(baseUrl: string): string {
  const location = (globalThis as { location?: { origin?: string } }).location
  if ((baseUrl === "" || baseUrl === "/") && location?.origin) {
    return location.origin
  }
  return baseUrl
}

/** The URL of `path` under the backend's base URL (which may itself have a path). */
export function urlOf(config: PorticoClientConfig, path: string, query?: Record<string, QueryValue>): URL {
  const base = new URL(origin(config.baseUrl))
  const url = new URL(`${base.pathname.replace(/\/$/, "")}/${path.replace(/^\//, "")}`, base.origin)
  const params = new URLSearchParams()
  Object.entries(query ?? {}).forEach(([key, value]) => appendQuery(params, key, value))
  url.search = params.toString()
  return url
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "")
  if (!text) {
    return null
  }
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The transport of a Portico client: one call, answered as a `Response` or thrown as a {@link PorticoApiError}. */
export type Transport = {
  /** The raw response of a successful call (files, HTML); a refusal throws {@link PorticoApiError}. */
  raw(path: string, options?: RequestOptions): Promise<Response>
  /** The JSON of a successful call (`undefined` for an empty body); a refusal throws {@link PorticoApiError}. */
  json<T>(path: string, options?: RequestOptions): Promise<T>
  /** The address of a route (for links the browser follows itself). */
  url(path: string, query?: Record<string, QueryValue>): string
}

/**
 * The HTTP layer of Portico's client. It sends what the js-sdk sends (the
 * publishable key, the session cookie or bearer token, JSON bodies) but reads
 * the response itself: the js-sdk's `FetchError` keeps only the message,
 * status and reason phrase of a refusal, while Portico's clients branch on the
 * body's `code` and show its `errors[]` next to form fields.
 */
export function createTransport(config: PorticoClientConfig, options: TransportOptions = {}): Transport {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
  const session = config.auth?.type === "session"

  async function raw(path: string, { method = "GET", query, body, headers, cache, signal }: RequestOptions = {}) {
    const h = new Headers({ accept: "application/json" })
    if (config.publishableKey) {
      h.set("x-publishable-api-key", config.publishableKey)
    }
    if (config.apiKey) {
      h.set("authorization", `Basic ${btoa(`${config.apiKey}:`)}`)
    }
    for (const [name, value] of Object.entries(config.globalHeaders ?? {})) {
      h.set(name, value)
    }
    const isForm = typeof FormData !== "undefined" && body instanceof FormData
    if (body !== undefined && !isForm) {
      h.set("content-type", "application/json")
    }
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (value === null) {
        h.delete(name)
      } else if (value !== undefined) {
        h.set(name, value)
      }
    }
    if (!session && !h.has("authorization") && options.sdk) {
      const token = await options.sdk.client.getToken()
      if (token) {
        h.set("authorization", `Bearer ${token}`)
      }
    }
    const response = await doFetch(urlOf(config, path, query), {
      method,
      headers: h,
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
      ...(session ? { credentials: config.auth?.fetchCredentials ?? "include" } : {}),
      ...(cache ? { cache } : {}),
      ...(signal ? { signal } : {}),
    })
    if (response.status >= 300) {
      throw new PorticoApiError({ status: response.status, statusText: response.statusText, body: await readBody(response) })
    }
    return response
  }

  return {
    raw,
    async json<T>(path: string, opts?: RequestOptions): Promise<T> {
      const response = await raw(path, opts)
      return (await readBody(response)) as T
    },
    url: (path, query) => urlOf(config, path, query).toString(),
  }
}
