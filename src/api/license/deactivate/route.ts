import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { LicenseDeactivateResponse } from "../../../contracts/http"
import { clock } from "../../../utils/clock"
import { deactivateLicenseKeyWorkflow } from "../../../workflows/entitlement/workflows/deactivate-license-key"
import { type DeactivateBody, licenseAnswerParts, refusalStatus } from "../helpers"

/**
 * `POST /license/deactivate { license_key, instance_id }`: frees one
 * activation (Lemon Squeezy's shape): `{ deactivated, error, code,
 * license_key, meta }`. An instance already deactivated answers
 * `deactivated: true` again; 404 `license_key_not_found` or
 * `license_instance_not_found` otherwise.
 */
export async function POST(req: MedusaRequest<z.infer<typeof DeactivateBody>>, res: MedusaResponse<LicenseDeactivateResponse>) {
  const { result } = await deactivateLicenseKeyWorkflow(req.scope).run({
    input: { license_key: req.validatedBody.license_key, instance_id: req.validatedBody.instance_id },
  })
  const parts = await licenseAnswerParts(req, result.key, clock.now())
  if (!result.ok) {
    res.status(refusalStatus(result.refusal.code)).json({ deactivated: false, error: result.refusal.message, code: result.refusal.code, ...parts })
    return
  }
  res.json({ deactivated: true, error: null, code: null, ...parts })
}
