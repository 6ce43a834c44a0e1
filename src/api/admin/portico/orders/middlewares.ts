import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate-body"
import { CreditRefundBody } from "./validators"

/** Middleware of `/admin/portico/orders/:id/*`: the credit refund's body validation. */
export const adminOrderMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/orders/:id/credit-refunds",
    methods: ["POST"],
    middlewares: [validateBody(CreditRefundBody)],
  },
]
