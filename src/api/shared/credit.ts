import { z } from "@medusajs/framework/zod"
import { listParams } from "../utils/validate-query"

/** A 3-letter ISO 4217 code, case-insensitive, answered lower-case. */
export const CurrencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "Expected a 3-letter currency code such as usd")
  .transform((c) => c.toLowerCase())

/**
 * Query of the ledger routes, `GET /admin/portico/customers/:id/credit/transactions`
 * and `GET /store/portico/credit/transactions` (`?currency_code=usd&limit=20&offset=0`).
 */
export const LedgerParams = listParams({ limit: 20 }).extend({
  currency_code: CurrencyCode.optional(),
})
export type LedgerParamsType = z.infer<typeof LedgerParams>

/** Paging of the ledger routes (the ledger is read from the store-credit module, not query.graph). */
export const ledgerQueryConfig = { defaults: ["id"], isList: true, defaultLimit: 20 }
