import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const CODE = /^[a-z][a-z0-9_]{1,63}$/

/**
 * Puts a refused request's machine `code` (e.g. `currency_mismatch`) in the
 * HTTP reason phrase too (`HTTP/1.1 400 currency_mismatch`). Medusa's js-sdk
 * keeps only the message, status and reason phrase (`FetchError.statusText`)
 * of an error response, so this is how a storefront on the js-sdk can branch
 * on Portico's codes, for core routes (add to cart) as much as Portico's own.
 * The JSON body is unchanged.
 */
export function errorCodeAsReason(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const json = res.json.bind(res)
  res.json = (body?: unknown) => {
    const code = (body as { code?: unknown } | null)?.code
    if (res.statusCode >= 400 && typeof code === "string" && CODE.test(code) && !res.headersSent) {
      res.statusMessage = code
    }
    return json(body)
  }
  next()
}
