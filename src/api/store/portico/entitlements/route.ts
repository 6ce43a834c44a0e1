import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { StoreEntitlementListResponse } from "../../../../contracts/http"
import { clock } from "../../../../utils/clock"
import type { EntitlementListParams } from "../../../shared/entitlement-params"
import { customerEntitlements } from "../../../shared/entitlements"

/**
 * `GET /store/portico/entitlements?order_id=&limit=&offset=`: the logged-in
 * client's purchased lines of services with files or license keys, newest
 * first, each with its files (newest version), its keys and whether the
 * files can be downloaded now: `{ entitlements, count, limit, offset }`.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof EntitlementListParams>>,
  res: MedusaResponse<StoreEntitlementListResponse>
) {
  const { limit, offset, order_id } = req.validatedQuery
  const page = await customerEntitlements(req.scope, req.auth_context.actor_id, { now: clock.now(), order_id, limit, offset })
  res.json({ ...page, limit, offset })
}
