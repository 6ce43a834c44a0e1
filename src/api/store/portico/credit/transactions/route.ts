import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listLedger } from "../../../../../workflows/credit/ledger"
import type { LedgerParamsType } from "../validators"

/**
 * `GET /store/portico/credit/transactions?currency_code=&limit=&offset=`: the
 * logged-in client's credit history, newest first, each entry with the
 * balance after it, its reason and order: `{ transactions, count, limit, offset }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, LedgerParamsType>, res: MedusaResponse) {
  const { skip, take } = req.queryConfig.pagination
  const { entries, count } = await listLedger(req.scope, req.auth_context.actor_id, {
    currency_code: req.validatedQuery.currency_code,
    offset: skip,
    limit: take,
  })
  // The raw reference (e.g. the id of the admin user who granted credit) is
  // the merchant's business; the client gets the reason and the order.
  const transactions = entries.map(({ reference: _reference, reference_id: _referenceId, ...entry }) => entry)
  res.json({ transactions, count, offset: skip, limit: take })
}
