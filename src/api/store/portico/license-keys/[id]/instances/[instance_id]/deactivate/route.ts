import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { LicenseKeyResponse } from "../../../../../../../../contracts/http"
import { clock } from "../../../../../../../../utils/clock"
import { PorticoError } from "../../../../../../../../utils/errors"
import { deactivateLicenseKeyWorkflow } from "../../../../../../../../workflows/entitlement/workflows/deactivate-license-key"
import { licenseKeyView } from "../../../../../../../shared/entitlements"

/**
 * `POST /store/portico/license-keys/:id/instances/:instance_id/deactivate`:
 * the client frees an activation of their key (404 for a key or instance not
 * theirs; an instance already deactivated is a success). Returns the key.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<LicenseKeyResponse>) {
  const owned = { id: req.params.id, customer_id: req.auth_context.actor_id }
  await licenseKeyView(req.scope, owned, { now: clock.now() })
  const { result } = await deactivateLicenseKeyWorkflow(req.scope).run({
    input: { key_id: req.params.id, instance_id: req.params.instance_id },
  })
  if (!result.ok) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, result.refusal.code, `Instance ${req.params.instance_id} was not found.`)
  }
  res.json({ license_key: await licenseKeyView(req.scope, owned, { now: clock.now() }) })
}
