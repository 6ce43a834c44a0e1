import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validate-query"
import { listInvoiceQueryConfig } from "./query-config"
import { InvoiceListParams } from "./validators"

/** Middleware of `/admin/portico/invoices/*`: the list's query validation. */
export const adminInvoiceMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/invoices",
    methods: ["GET"],
    middlewares: [validateQuery(InvoiceListParams, listInvoiceQueryConfig)],
  },
]
