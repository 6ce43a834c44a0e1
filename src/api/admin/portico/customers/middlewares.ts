import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { ledgerQueryConfig } from "../../../shared/credit"
import { validateBody } from "../../../utils/validate-body"
import { validateQuery } from "../../../utils/validate-query"
import { CreditAdjustmentBody, LedgerParams } from "./validators"

/** Middleware of `/admin/portico/customers/:id/*`: ledger query, adjustment body validation, an empty login-link body. */
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
  {
    matcher: "/admin/portico/customers/:id/login-link",
    methods: ["POST"],
    middlewares: [validateBody(z.object({}).strict())],
  },
]
