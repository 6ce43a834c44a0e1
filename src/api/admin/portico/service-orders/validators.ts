import { z } from "@medusajs/framework/zod"
import { Amount } from "../../../utils/body-primitives"
import { EnumList, listParams, QueryId } from "../../../utils/validate-query"
import { SERVICE_ORDER_STATUSES } from "../../../../modules/service-order/constants"

/** `status` as a repeated or comma-separated query parameter. */
const StatusList = EnumList(SERVICE_ORDER_STATUSES)

/** Query of `GET /admin/portico/service-orders`. */
export const AdminServiceOrderParams = listParams({ limit: 20, order: "-created_at", orders: ["created_at"] }).extend({
  status: StatusList.optional(),
  product_id: QueryId.optional(),
  customer_id: QueryId.optional(),
  order_id: QueryId.optional(),
})
export type AdminServiceOrderParamsType = z.infer<typeof AdminServiceOrderParams>

/** Body of `POST /admin/portico/service-orders/:id/status`. */
export const ServiceOrderStatusBody = z
  .object({
    status: z.enum(SERVICE_ORDER_STATUSES),
    note: z.string().trim().max(2000).nullable().optional(),
    refund_amount: Amount.nullable().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.refund_amount && body.status !== "canceled") {
      ctx.addIssue({
        code: "custom",
        path: ["refund_amount"],
        message: "A refund only comes with canceling",
        params: { code: "not_applicable" },
      })
    }
  })
export type ServiceOrderStatusBodyType = z.infer<typeof ServiceOrderStatusBody>
