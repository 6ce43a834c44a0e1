import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { LicenseKeyListResponse } from "../../../../contracts/http"
import { clock } from "../../../../utils/clock"
import type { LicenseKeyListParams } from "../../../shared/entitlement-params"
import { listLicenseKeyViews } from "../../../shared/entitlements"

/**
 * `GET /store/portico/license-keys?order_id=&product_id=&status=`: the
 * logged-in client's license keys with their active instances, newest first.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof LicenseKeyListParams>>,
  res: MedusaResponse<LicenseKeyListResponse>
) {
  const { limit, offset, order_id, product_id, status } = req.validatedQuery
  const page = await listLicenseKeyViews(
    req.scope,
    {
      customer_id: req.auth_context.actor_id,
      ...(order_id ? { order_id } : {}),
      ...(product_id ? { product_id } : {}),
      ...(status?.length ? { status } : {}),
    },
    { limit, offset },
    { now: clock.now() }
  )
  res.json({ ...page, limit, offset })
}
