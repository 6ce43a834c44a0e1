import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { fieldErrors, invalidRequest } from "../../../utils/validate-body"
import { MailboxListParams } from "./validators"

/** Parses the mailbox list's `limit` / `offset` into `req.validatedQuery`. */
function validateMailboxQuery(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.query ?? {}
  const result = MailboxListParams.safeParse(query)
  if (!result.success) {
    res.status(400).json(invalidRequest(fieldErrors(result.error, query)))
    return
  }
  req.validatedQuery = result.data
  next()
}

/** Middleware of `/admin/portico/mailbox`: the list's paging. */
export const adminMailboxMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/portico/mailbox",
    methods: ["GET"],
    middlewares: [validateMailboxQuery],
  },
]
