import { type z } from "@medusajs/framework/zod"
import { ISSUED_INVOICE_STATUSES } from "../../../../contracts/statuses"
import { EnumList, listParams } from "../../../utils/validate-query"

/** Query of `GET /store/portico/invoices`: paging and `status` (`open`, `paid`, `void`; repeated or comma-separated). */
export const StoreInvoiceListParams = listParams({ limit: 20, maxLimit: 100 }).extend({
  status: EnumList(ISSUED_INVOICE_STATUSES).optional(),
})
export type StoreInvoiceListParamsType = z.infer<typeof StoreInvoiceListParams>
