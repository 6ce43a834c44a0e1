import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendInvoicePdf } from "../../../../../shared/invoice-pdf"
import { callerInvoice } from "../../helpers"

/**
 * `GET /store/portico/invoices/:number/pdf`: the logged-in client's invoice
 * as a PDF download (`<number>.pdf`), the same document as the admin's. 404
 * for another client's invoice, an abandoned cart's and an unknown number.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendInvoicePdf(req.scope, res, await callerInvoice(req))
}
