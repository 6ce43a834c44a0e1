import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { callerInvoice, unpaidInvoiceInstructions } from "../helpers"

/**
 * `GET /store/portico/invoices/:number`: the logged-in client's invoice with
 * its lines, `order_id` and `payment_instructions` (how to pay it while an
 * order placed by bank transfer is unpaid, else null): `{ invoice }`. 404
 * for another client's invoice, an abandoned cart's and an unknown number.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const invoice = await callerInvoice(req)
  res.json({ invoice: { ...invoice, payment_instructions: await unpaidInvoiceInstructions(req.scope, invoice) } })
}
