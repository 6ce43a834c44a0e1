import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/validate-query"
import { storeInvoiceListQueryConfig } from "./query-config"
import { StoreInvoiceListParams } from "./validators"

/** Middleware of `/store/portico/invoices/*`: a logged-in client only; the list's query validation. */
export const storeInvoiceMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portico/invoices",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(StoreInvoiceListParams, storeInvoiceListQueryConfig)],
  },
  {
    matcher: "/store/portico/invoices/:number*",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
