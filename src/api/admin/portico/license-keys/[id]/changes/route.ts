import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminLicenseKeyChangeBody, LicenseKeyResponse } from "../../../../../../contracts/http"
import { clock } from "../../../../../../utils/clock"
import { changeLicenseKeyWorkflow } from "../../../../../../workflows/entitlement/workflows/change-license-key"
import { licenseKeyView } from "../../../../../shared/entitlements"

/**
 * `POST /admin/portico/license-keys/:id/changes`: `{ type: "disable" }`,
 * `{ type: "enable" }`, `{ type: "reset_activations" }` or
 * `{ type: "set_activation_limit", activation_limit }` (null: unlimited).
 * Returns the key with every instance.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminLicenseKeyChangeBody>, res: MedusaResponse<LicenseKeyResponse>) {
  await changeLicenseKeyWorkflow(req.scope).run({ input: { id: req.params.id, change: req.validatedBody } })
  res.json({ license_key: await licenseKeyView(req.scope, { id: req.params.id }, { now: clock.now(), all_instances: true }) })
}
