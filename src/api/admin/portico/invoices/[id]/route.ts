import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { invoiceDetailFields } from "../query-config"

/**
 * `GET /admin/portico/invoices/:id`: one invoice with its lines (in cart
 * order), customer and order. Unknown id: 404. Returns `{ invoice }`.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [invoice],
  } = await query.graph({
    entity: "invoice",
    fields: [
      ...invoiceDetailFields,
      "customer.id",
      "customer.email",
      "customer.first_name",
      "customer.last_name",
      "order.id",
      "order.display_id",
    ],
    filters: { id: req.params.id },
  })
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice ${req.params.id} was not found.`)
  }
  const lines = [...((invoice.lines ?? []) as { position: number }[])].sort((a, b) => a.position - b.position)
  res.json({ invoice: { ...invoice, lines } })
}
