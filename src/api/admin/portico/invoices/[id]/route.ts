import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findInvoice } from "../../../../shared/invoices"
import { PorticoError, PorticoErrorCode } from "../../../../../utils/errors"

/**
 * `GET /admin/portico/invoices/:id`: one invoice with its lines (in cart
 * order), customer and order. Unknown id: 404. Returns `{ invoice }`.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const invoice = await findInvoice(req.scope, { id: req.params.id }, [
    "customer.id",
    "customer.email",
    "customer.first_name",
    "customer.last_name",
    "order.id",
    "order.display_id",
  ])
  if (!invoice) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Invoice ${req.params.id} was not found.`)
  }
  res.json({ invoice })
}
