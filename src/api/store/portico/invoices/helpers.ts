import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PaymentInstructions } from "../../../../contracts/http"
import { InvoiceStatus } from "../../../../contracts/statuses"
import {
  orderPaymentInstructions,
  PAYMENT_INSTRUCTIONS_ORDER_FIELDS,
} from "../../../../workflows/notification/payment-instructions"
import { findIssuedInvoice } from "../../../shared/invoices"

/**
 * The logged-in client's issued invoice numbered `:number`, with its lines,
 * customer and order, or a 404 `not_found`: ownership is part of the query,
 * so another client's invoice, an abandoned cart's and an unknown number
 * answer alike.
 */
export function callerInvoice(req: AuthenticatedMedusaRequest) {
  return findIssuedInvoice(req.scope, { number: req.params.number, customer_id: req.auth_context.actor_id }, req.params.number)
}

/**
 * How to pay an unpaid (`open`) invoice whose order was placed by bank
 * transfer, as `GET /store/orders/:id/payment-instructions` computes it
 * (`orderPaymentInstructions`); null for a paid or void invoice and for other
 * payment methods.
 */
export async function unpaidInvoiceInstructions(
  scope: MedusaContainer,
  invoice: { status: string; order_id?: string | null }
): Promise<PaymentInstructions | null> {
  if (invoice.status !== InvoiceStatus.OPEN || !invoice.order_id) {
    return null
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: PAYMENT_INSTRUCTIONS_ORDER_FIELDS, filters: { id: invoice.order_id } })
  return order ? ((await orderPaymentInstructions(scope, order))?.payment_instructions ?? null) : null
}
