import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { LicenseKeyResponse } from "../../../../../contracts/http"
import { clock } from "../../../../../utils/clock"
import { licenseKeyView } from "../../../../shared/entitlements"

/** `GET /store/portico/license-keys/:id`: one of the logged-in client's keys with its active instances (404 for anyone else's). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<LicenseKeyResponse>) {
  res.json({
    license_key: await licenseKeyView(req.scope, { id: req.params.id, customer_id: req.auth_context.actor_id }, { now: clock.now() }),
  })
}
