import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  orderPaymentInstructions,
  PAYMENT_INSTRUCTIONS_ORDER_FIELDS,
} from "../../../../../workflows/notification/payment-instructions"
import { mayAccessOrder, orderNotFound } from "../../../../utils/order-access"

/**
 * `GET /store/orders/:id/payment-instructions`: how to pay an order placed
 * with bank transfer: the merchant's bank details and instructions, with the
 * invoice number as the payment reference, and whether the payment arrived:
 * `{ payment_instructions: { method, account_holder, iban, bic, bank_name,
 * text, reference, amount, currency_code, status: awaiting_payment | paid |
 * canceled } | null }` (null for other
 * payment methods). Only for the order's logged-in customer, or with the
 * order's access token (`x-portico-order-token`, right after checkout);
 * anyone else gets a 404. The
 * `payment_instructions` email is computed by the same helper
 * (`orderPaymentInstructions`). A read: nothing is written.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["customer_id", ...PAYMENT_INSTRUCTIONS_ORDER_FIELDS],
    filters: { id: req.params.id },
  })
  if (!order || !mayAccessOrder(req, order)) {
    throw orderNotFound(req.params.id)
  }
  const found = await orderPaymentInstructions(req.scope, order)
  res.json({ payment_instructions: found?.payment_instructions ?? null })
}
