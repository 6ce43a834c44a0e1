import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { voidOpenInvoiceWorkflow } from "../../../../../../workflows/invoice/workflows/void-open-invoice"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import { findInvoice } from "../../../../../shared/invoices"

/**
 * `POST /admin/portico/invoices/:id/void`: voids an unpaid (open) invoice by
 * canceling its order. 400 `invoice_not_open` for an invoice that is not
 * open. Returns `{ invoice }`.
 */
export const POST = withFieldErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await voidOpenInvoiceWorkflow(req.scope).run({ input: { id: req.params.id, actor_id: req.auth_context.actor_id } })
  res.json({ invoice: await findInvoice(req.scope, { id: req.params.id }) })
})
