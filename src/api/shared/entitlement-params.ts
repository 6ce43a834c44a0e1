import { z } from "@medusajs/framework/zod"
import { LICENSE_KEY_STATUSES } from "../../contracts/statuses"
import { EnumList, listParams, QueryId } from "../utils/validate-query"

/** `GET /store/portico/entitlements`: a page of purchases, optionally of one order. */
export const EntitlementListParams = listParams({ limit: 20, maxLimit: 100 }).extend({ order_id: QueryId.optional() })

/** `GET /store/portico/license-keys`: by order, service, status. */
export const LicenseKeyListParams = listParams({ limit: 20, maxLimit: 100 }).extend({
  order_id: QueryId.optional(),
  product_id: QueryId.optional(),
  status: EnumList(LICENSE_KEY_STATUSES).optional(),
})

/** `GET /admin/portico/license-keys`: also by customer, and `q` (part of the key or the email). */
export const AdminLicenseKeyListParams = LicenseKeyListParams.extend({
  customer_id: QueryId.optional(),
  q: z.string().trim().min(1).max(200).optional(),
})

/** The list's page settings for `validateQuery` (fields are fixed by the contract). */
export const fixedListConfig = { defaults: ["id"], allowed: ["id"], defaultLimit: 20, isList: true }

/** `POST /admin/portico/license-keys/:id/changes`. */
export const AdminLicenseKeyChange = z.discriminatedUnion("type", [
  z.object({ type: z.literal("disable") }).strict(),
  z.object({ type: z.literal("enable") }).strict(),
  z.object({ type: z.literal("reset_activations") }).strict(),
  z.object({ type: z.literal("set_activation_limit"), activation_limit: z.number().int().min(1).max(100_000).nullable() }).strict(),
])

/** `POST /admin/portico/services/:id/files/:file_id`. */
export const AdminUpdateProductFile = z
  .object({ title: z.string().trim().min(1).max(200).optional(), position: z.number().int().min(0).max(100_000).optional() })
  .strict()
