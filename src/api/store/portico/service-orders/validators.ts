import { type z } from "@medusajs/framework/zod"
import { EnumList, listParams, QueryId } from "../../../utils/validate-query"
import { SERVICE_ORDER_STATUSES } from "../../../../modules/service-order/constants"

/** Query of `GET /store/portico/service-orders`. */
export const StoreServiceOrderParams = listParams({ limit: 20 }).extend({
  /** Repeated or comma-separated. */
  status: EnumList(SERVICE_ORDER_STATUSES).optional(),
  order_id: QueryId.optional(),
})
export type StoreServiceOrderParamsType = z.infer<typeof StoreServiceOrderParams>
