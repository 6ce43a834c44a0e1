import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendInvoicePdf } from "../../../../../shared/invoice-pdf"
import { findIssuedInvoice } from "../../../../../shared/invoices"

/**
 * `GET /admin/portico/invoices/:id/pdf`: the invoice as a PDF download
 * (`<number>.pdf`), the same document the client downloads from the portal.
 * 404 for an unknown id and for a cart's `abandoned` invoice (no number, no
 * PDF).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const invoice = await findIssuedInvoice(req.scope, { id: req.params.id }, req.params.id)
  await sendInvoicePdf(req.scope, res, invoice)
}
