import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { explainUnpricedVariants } from "../../utils/currency-lock"
import { PorticoErrorCode } from "../../utils/errors"
import {
  errorHandler as medusaErrorHandler,
  getHttpResponseFromError,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"

/** Codes for the errors Express's body parsers raise (their `type`). */
const BODY_PARSER_CODES: Record<string, { code: string; message: string }> = {
  "entity.parse.failed": { code: "invalid_json", message: "The request body is not valid JSON" },
  "entity.too.large": { code: "body_too_large", message: "The request body is too large" },
  "entity.verify.failed": { code: "invalid_body", message: "The request body could not be verified" },
  "encoding.unsupported": { code: "unsupported_encoding", message: "The request body's content encoding is not supported" },
  "charset.unsupported": { code: "unsupported_charset", message: "The request body's charset is not supported" },
  "parameters.too.many": { code: "too_many_parameters", message: "The request body has too many parameters" },
  "request.aborted": { code: "request_aborted", message: "The request was aborted" },
  "request.size.invalid": { code: "invalid_body", message: "The request body's size does not match its Content-Length" },
}

/** PostgreSQL "data exception" codes (class 22): a value the column cannot hold. */
const isDataException = (code: unknown) => typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)

/** Medusa's refusal of variants it found no price for. */
const NO_PRICE = /^Variants with IDs .+ do not have a price$/

/** The magic-link login (Medusa's auth route with Portico's provider). */
const MAGIC_LINK_PATH = /^\/auth\/customer\/magic-link$/

/** Portico's routes, and the core routes Portico replaces. */
const PORTICO_PATH =
  /^\/auth\/customer\/magic-link$|^\/store\/carts(\/[^/]+)?$|^\/(store|admin)\/portico(\/|$)|^\/store\/(carts|orders)\/[^/]+\/(invoice|credit|payment-instructions|complete|promotions)$|^\/store\/payment-collections\/[^/]+\/payment-sessions$|^\/admin\/payments\/[^/]+\/refund$/

type HttpLikeError = { type?: unknown; status?: unknown; statusCode?: unknown; code?: unknown; cause?: { code?: unknown } }

/**
 * The application's error handler: Medusa's own, plus stable codes where
 * Medusa answers without one.
 * - A body the parsers refuse (malformed JSON, too large, unsupported
 *   charset…) answers `{ type: "invalid_data", code: "invalid_json" |
 *   "body_too_large" | …, message, errors: [{ field: "body", … }] }` with the
 *   parser's status (400, 413, 415), on every route.
 * - A value PostgreSQL refuses as data (out of range, bad encoding: SQLSTATE
 *   class 22) is a 400 `invalid_value`, not a 500: it can only come from input.
 * - Any other 4xx of a Portico route without a `code` gets `invalid_request`
 *   (400) or `not_found` (404).
 *
 * Registered through Portico's `defineMiddlewares({ errorHandler })`; an
 * application that sets its own error handler replaces it (see the README).
 */
export function porticoErrorHandler() {
  const base = medusaErrorHandler()
  return function porticoErrorHandler(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    if (req.method === "POST" && req.path === "/store/carts" && NO_PRICE.test(String((err as { message?: unknown } | null)?.message))) {
      void newCartCurrency(req)
        .then((currency) => (currency ? explainUnpricedVariants(req.scope, err, { currency_code: currency }) : null))
        .catch(() => null)
        .then((explained) => answer(explained ?? err, req, res, next))
      return
    }
    return answer(err, req, res, next)
  }

  function answer(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const e = (err ?? {}) as HttpLikeError
    const parser = typeof e.type === "string" ? BODY_PARSER_CODES[e.type] : undefined
    const status = Number(e.statusCode ?? e.status)
    if (parser && status >= 400 && status < 500) {
      res.status(status).json({
        type: "invalid_data",
        code: parser.code,
        message: parser.message,
        errors: [{ field: "body", code: parser.code, message: parser.message }],
      })
      return
    }
    if (isDataException(e.code) || isDataException(e.cause?.code)) {
      const message = "A value in the request cannot be stored (out of range or not valid text)"
      res.status(400).json({ type: "invalid_data", code: "invalid_value", message, errors: [] })
      return
    }
    if (PORTICO_PATH.test(req.path) && !(err && typeof err === "object" && "issues" in err)) {
      // Medusa's own mapping of the error, answered here with a code where it has none.
      const { statusCode, body } = getHttpResponseFromError(err)
      if (statusCode >= 400 && statusCode < 500 && !body.code) {
        req.scope?.resolve(ContainerRegistrationKeys.LOGGER).info(String(body.message))
        const code =
          statusCode === 404
            ? "not_found"
            : statusCode === 401 && MAGIC_LINK_PATH.test(req.path)
              ? PorticoErrorCode.LOGIN_LINK_INVALID
              : "invalid_request"
        res.status(statusCode).json({ ...body, code })
        return
      }
    }
    return base(err, req, res, next)
  }
}

/** The currency of the cart `POST /store/carts` was creating: its region's, or the store's default region's. */
async function newCartCurrency(req: MedusaRequest): Promise<string | null> {
  const scope = req.scope as MedusaContainer
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const body = (req.body ?? {}) as { region_id?: unknown; currency_code?: unknown }
  let regionId = typeof body.region_id === "string" ? body.region_id : undefined
  if (!regionId) {
    const { data: stores } = await query.graph({ entity: "store", fields: ["default_region_id"] })
    regionId = stores[0]?.default_region_id ?? undefined
  }
  if (!regionId) {
    return typeof body.currency_code === "string" ? body.currency_code : null
  }
  const { data: regions } = await query.graph({ entity: "region", fields: ["currency_code"], filters: { id: regionId } })
  return regions[0]?.currency_code ?? null
}
