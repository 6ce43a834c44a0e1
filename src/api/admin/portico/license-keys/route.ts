import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { LicenseKeyListResponse } from "../../../../contracts/http"
import { clock } from "../../../../utils/clock"
import type { AdminLicenseKeyListParams } from "../../../shared/entitlement-params"
import { listLicenseKeyViews } from "../../../shared/entitlements"

/**
 * `GET /admin/portico/license-keys?order_id=&customer_id=&product_id=&status=&q=`:
 * license keys, newest first, with their active instances; `q` finds a part
 * of the key or of the buyer's email.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof AdminLicenseKeyListParams>>,
  res: MedusaResponse<LicenseKeyListResponse>
) {
  const { limit, offset, order_id, customer_id, product_id, status, q } = req.validatedQuery
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const page = await listLicenseKeyViews(
    req.scope,
    {
      ...(order_id ? { order_id } : {}),
      ...(customer_id ? { customer_id } : {}),
      ...(product_id ? { product_id } : {}),
      ...(status?.length ? { status } : {}),
      ...(like ? { $or: [{ key: { $ilike: like } }, { email: { $ilike: like } }] } : {}),
    },
    { limit, offset },
    { now: clock.now() }
  )
  res.json({ ...page, limit, offset })
}
