import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runDueRenewals } from "../../../../../../workflows/subscription/run-due-renewals"

/**
 * `POST /admin/portico/subscriptions/renewals/run`: renews every due
 * subscription now, as the renewal job does every minute (idempotent: a
 * period is charged once however often it runs). Answers what it did:
 * `{ seen, paid, unpaid, closed, resumed, failed }`.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await runDueRenewals(req.scope))
}
