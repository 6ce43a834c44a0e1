import type { MiddlewareRoute } from "@medusajs/framework/http"
import { ledgerQueryConfig } from "../../../shared/credit"
import { validateBody } from "../../../utils/validate-body"
import { validateQuery } from "../../../utils/validate-query"
import { CreditAdjustmentBody, LedgerParams } from "./validators"

/** Middleware of `/admin/portico/customers/:id/credit/*`: ledger query and adjustment body validation. */
export const adminCustomerMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/customers/:id/credit/transactions",
    methods: ["GET"],
    middlewares: [validateQuery(LedgerParams, ledgerQueryConfig)],
  },
  {
    matcher: "/admin/portico/customers/:id/credit/adjustments",
    methods: ["POST"],
    middlewares: [validateBody(CreditAdjustmentBody)],
  },
]
