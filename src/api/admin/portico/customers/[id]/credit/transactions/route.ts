import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listLedger } from "../../../../../../../workflows/credit/ledger"
import { withFieldErrors } from "../../../../../../utils/domain-errors"
import type { LedgerParamsType } from "../../../validators"
import { customerOr404 } from "../../../helpers"

/**
 * `GET /admin/portico/customers/:id/credit/transactions?currency_code=&limit=&offset=`:
 * the customer's ledger, newest first (date, amount, reason, note, order and
 * invoice, balance after): `{ transactions, count, limit, offset }`.
 */
export const GET = withFieldErrors(
  async (req: AuthenticatedMedusaRequest<unknown, LedgerParamsType>, res: MedusaResponse) => {
    const customer = await customerOr404(req)
    const { skip, take } = req.queryConfig.pagination
    const { entries, count } = await listLedger(req.scope, customer.id, {
      currency_code: req.validatedQuery.currency_code,
      offset: skip,
      limit: take,
    })
    res.json({ transactions: entries, count, offset: skip, limit: take })
  }
)
