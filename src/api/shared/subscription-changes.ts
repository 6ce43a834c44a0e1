import type { MedusaContainer } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import { SUBSCRIPTION_STATUSES } from "../../contracts/statuses"
import type { SubscriptionActorType } from "../../modules/subscription/constants"
import type { SubscriptionChangeRequest } from "../../workflows/subscription/steps/change-subscription"
import { changeSubscriptionWorkflow } from "../../workflows/subscription/workflows/change-subscription"
import { renewSubscriptionWorkflow } from "../../workflows/subscription/workflows/renew-subscription"
import { EnumList, listParams, QueryDate, QueryId } from "../utils/validate-query"

const When = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), "Expected an ISO date-time such as 2027-01-31T10:00:00Z")

/** The changes a client may make to their subscription. */
export const ClientChange = [
  z
    .object({
      type: z.literal("cancel"),
      at_period_end: z.boolean().optional(),
      refund_unused: z.boolean().optional(),
      reason: z.string().trim().max(500).nullable().optional(),
    })
    .strict(),
  z.object({ type: z.literal("undo_cancel") }).strict(),
  z.object({ type: z.literal("pause"), resume_at: When.nullable().optional() }).strict(),
  z.object({ type: z.literal("resume") }).strict(),
] as const

/** Body of `POST /store/portico/subscriptions/:id/changes`. */
export const StoreSubscriptionChange = z.discriminatedUnion("type", [...ClientChange])

/** Body of `POST /admin/portico/subscriptions/:id/changes`: the client's changes and the merchant's own. */
export const AdminSubscriptionChange = z.discriminatedUnion("type", [
  ...ClientChange,
  z.object({ type: z.literal("move_renewal"), renewal_at: When }).strict(),
  z.object({ type: z.literal("retry_renewal") }).strict(),
])

/** Query of the subscription lists: paging and `status` (repeated or comma-separated). */
export const SubscriptionListParams = listParams({ limit: 20, maxLimit: 100 }).extend({
  status: EnumList(SUBSCRIPTION_STATUSES).optional(),
})

/** The admin's list: also by customer, service (product) and next renewal date. */
export const AdminSubscriptionListParams = SubscriptionListParams.extend({
  customer_id: QueryId.optional(),
  product_id: QueryId.optional(),
  renews_before: QueryDate.optional(),
})

/**
 * Runs a change (`changeSubscriptionWorkflow`) and, when it makes a renewal
 * due now (a resume after the paid period, a retry), the renewal itself, so
 * the caller sees its outcome in the answer.
 */
export async function applySubscriptionChange(
  scope: MedusaContainer,
  input: {
    id: string
    change: SubscriptionChangeRequest
    actor_type: SubscriptionActorType
    actor_id: string | null
    customer_id?: string
  }
) {
  const { result } = await changeSubscriptionWorkflow(scope).run({ input })
  if (result.renew_now) {
    await renewSubscriptionWorkflow(scope).run({ input: { subscription_id: input.id } })
  }
  return result
}
