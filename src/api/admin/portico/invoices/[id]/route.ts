import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { findInvoice, invoiceNotFound, invoicePartyFields } from "../../../../shared/invoices"

/**
 * `GET /admin/portico/invoices/:id`: one invoice with its lines (in cart
 * order), customer and order. Unknown id: 404. Returns `{ invoice }`.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const invoice = await findInvoice(req.scope, { id: req.params.id }, invoicePartyFields)
  if (!invoice) {
    throw invoiceNotFound(req.params.id)
  }
  res.json({ invoice })
}
