import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listCreditAccounts } from "../../../../workflows/credit/ledger"

/**
 * `GET /store/portico/credit`: the logged-in client's credit accounts, one
 * per currency, with `balance`, `credits` and `debits`: `{ accounts }`.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ accounts: await listCreditAccounts(req.scope, req.auth_context.actor_id) })
}
