import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { LicenseValidateResponse } from "../../../contracts/http"
import { PorticoErrorCode } from "../../../contracts/errors"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import { effectiveKeyStatus, keyRefusal } from "../../../modules/entitlement/service"
import { clock } from "../../../utils/clock"
import { licenseAnswerParts, refusalStatus, type ValidateBody } from "../helpers"

/**
 * `POST /license/validate { license_key, instance_id?, product_id? }`: whether
 * a key may be used now (Lemon Squeezy's shape): `{ valid, error, code,
 * license_key, instance, meta }`. `valid: false` with a code for an unknown
 * key (404 `license_key_not_found`, nothing told about other keys), a
 * disabled or expired one, another product's key, or an `instance_id` that
 * is not an active instance of this key. A read: changes nothing.
 */
export async function POST(req: MedusaRequest<z.infer<typeof ValidateBody>>, res: MedusaResponse<LicenseValidateResponse>) {
  const { license_key, instance_id, product_id } = req.validatedBody
  const now = clock.now()
  const service = req.scope.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
  const row = await service.findLicenseKey(license_key)
  const parts = await licenseAnswerParts(req, row, now)
  const refuse = (code: (typeof PorticoErrorCode)[keyof typeof PorticoErrorCode], error: string) =>
    res.status(refusalStatus(code)).json({ valid: false, error, code, instance: null, ...parts })
  if (!row) {
    return refuse(PorticoErrorCode.LICENSE_KEY_NOT_FOUND, "license_key not found.")
  }
  if (product_id && product_id !== row.product_id) {
    return refuse(PorticoErrorCode.LICENSE_PRODUCT_MISMATCH, "This license key is for another product.")
  }
  const refusal = keyRefusal(effectiveKeyStatus(row, now))
  if (refusal) {
    return refuse(refusal.code, refusal.message)
  }
  let instance: LicenseValidateResponse["instance"] = null
  if (instance_id) {
    const [found] = await service.listLicenseInstances(
      { id: instance_id, license_key_id: row.id, deactivated_at: null },
      { select: ["id", "name", "created_at"] }
    )
    if (!found) {
      return refuse(PorticoErrorCode.LICENSE_INSTANCE_NOT_FOUND, "instance_id not found.")
    }
    instance = { id: found.id, name: found.name, created_at: new Date(found.created_at as unknown as string).toISOString() }
  }
  res.json({ valid: true, error: null, code: null, instance, ...parts })
}
