import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { ledgerQueryConfig } from "../../../shared/credit"
import { validateQuery } from "../../../utils/validate-query"
import { LedgerParams } from "./validators"

/** Middleware of `/store/portico/credit/*`: a signed-in client only; the ledger's query validation. */
export const storeCreditMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portico/credit",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/portico/credit/transactions",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(LedgerParams, ledgerQueryConfig)],
  },
]
