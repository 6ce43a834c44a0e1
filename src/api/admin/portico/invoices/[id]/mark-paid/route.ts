import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markInvoicePaidManuallyWorkflow } from "../../../../../../workflows/invoice/workflows/mark-invoice-paid-manually"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import { findInvoice } from "../../../../../shared/invoices"

/**
 * `POST /admin/portico/invoices/:id/mark-paid`: the merchant received the
 * payment of an open invoice (a bank transfer): captures the order's payment,
 * the invoice becomes `paid` and the post-payment work runs. 400
 * `invoice_not_open` for an invoice that is not open. Returns `{ invoice }`.
 */
export const POST = withFieldErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await markInvoicePaidManuallyWorkflow(req.scope).run({ input: { id: req.params.id, actor_id: req.auth_context.actor_id } })
  res.json({ invoice: await findInvoice(req.scope, { id: req.params.id }) })
})
