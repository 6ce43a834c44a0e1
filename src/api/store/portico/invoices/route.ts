import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ISSUED_INVOICE_STATUSES } from "../../../../contracts/statuses"
import { listInvoices } from "../../../shared/invoices"
import { storeInvoiceOrder } from "./query-config"
import type { StoreInvoiceListParamsType } from "./validators"

/**
 * `GET /store/portico/invoices?status=&limit=&offset=`: the logged-in
 * client's issued invoices (`open`, `paid`, `void`; never a cart's
 * `abandoned` one), newest first, each with its order's display id:
 * `{ invoices, count, limit, offset }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreInvoiceListParamsType>, res: MedusaResponse) {
  const { skip, take } = req.queryConfig.pagination
  const status = req.validatedQuery.status?.length ? req.validatedQuery.status : [...ISSUED_INVOICE_STATUSES]
  res.json(
    await listInvoices(req.scope, {
      filters: { customer_id: req.auth_context.actor_id, status },
      fields: req.queryConfig.fields,
      pagination: { skip: skip ?? 0, take: take ?? 20, order: storeInvoiceOrder },
    })
  )
}
