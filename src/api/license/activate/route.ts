import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { LicenseActivateResponse } from "../../../contracts/http"
import { clock } from "../../../utils/clock"
import { activateLicenseKeyWorkflow } from "../../../workflows/entitlement/workflows/activate-license-key"
import { type ActivateBody, licenseAnswerParts, refusalStatus } from "../helpers"

/**
 * `POST /license/activate { license_key, instance_name, fingerprint?, product_id? }`:
 * the merchant's software activates a key on one installation (Lemon
 * Squeezy's shape): `{ activated, error, code, license_key, instance, meta }`.
 * The same fingerprint (default: the instance name) returns the instance it
 * already has; the activation limit holds under concurrency. Refused with
 * `activated: false` and a code: 404 `license_key_not_found`; 400
 * `license_key_disabled`, `license_key_expired`, `activation_limit_reached`,
 * `license_product_mismatch` (no slot used).
 */
export async function POST(req: MedusaRequest<z.infer<typeof ActivateBody>>, res: MedusaResponse<LicenseActivateResponse>) {
  const { result } = await activateLicenseKeyWorkflow(req.scope).run({ input: req.validatedBody })
  const parts = await licenseAnswerParts(req, result.key, clock.now())
  if (!result.ok) {
    res.status(refusalStatus(result.refusal.code)).json({ activated: false, error: result.refusal.message, code: result.refusal.code, instance: null, ...parts })
    return
  }
  res.status(result.created ? 201 : 200).json({
    activated: true,
    error: null,
    code: null,
    instance: { id: result.instance.id, name: result.instance.name, created_at: new Date(result.instance.created_at).toISOString() },
    ...parts,
  })
}
