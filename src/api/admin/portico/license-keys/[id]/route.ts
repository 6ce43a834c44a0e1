import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { LicenseKeyResponse } from "../../../../../contracts/http"
import { clock } from "../../../../../utils/clock"
import { licenseKeyView } from "../../../../shared/entitlements"

/** `GET /admin/portico/license-keys/:id`: a key with every instance, deactivated ones too. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<LicenseKeyResponse>) {
  res.json({ license_key: await licenseKeyView(req.scope, { id: req.params.id }, { now: clock.now(), all_instances: true }) })
}
