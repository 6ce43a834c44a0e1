import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listCreditAccounts } from "../../../../../../workflows/credit/ledger"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import { customerOr404 } from "../../helpers"

/**
 * `GET /admin/portico/customers/:id/credit`: the customer's credit accounts,
 * one per currency, with balances: `{ accounts, has_account }`
 * (`has_account: false` for a guest, who cannot hold credit).
 */
export const GET = withFieldErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customer = await customerOr404(req)
  res.json({ accounts: await listCreditAccounts(req.scope, customer.id), has_account: !!customer.has_account })
})
