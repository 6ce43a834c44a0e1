import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PORTICO_INVOICE_MODULE } from "../../../../../modules/invoice"
import type InvoiceModuleService from "../../../../../modules/invoice/service"
import type { BankTransferData } from "../../../../../providers/bank-transfer/service"
import { paymentsOf } from "../../../../../workflows/invoice/order-payments"
import { syncOrderInvoiceWorkflow } from "../../../../../workflows/invoice/workflows/sync-order-invoice"
import { PorticoError, PorticoErrorCode } from "../../../../../utils/errors"
import { mayAccess } from "../../../../utils/service-order-access"

/** Portico's bank-transfer provider, as `pp_<identifier>_<id>`. */
const isBankTransfer = (providerId: string | null | undefined) => !!providerId?.startsWith("pp_bank_transfer_")

/**
 * `GET /store/orders/:id/payment-instructions`: how to pay an order placed
 * with bank transfer: the merchant's bank details and instructions, with the
 * invoice number as the payment reference, and whether the payment arrived:
 * `{ payment_instructions: { method, account_holder, iban, bic, bank_name,
 * text, reference, amount, currency_code, status: awaiting_payment | paid |
 * canceled } | null }` (null for other
 * payment methods). 404 for another registered client's order.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "customer_id",
      "cart.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.data",
      "payment_collections.payments.amount",
      "payment_collections.payments.currency_code",
    ],
    filters: { id: req.params.id },
  })
  if (!order || !(await mayAccess(req, order.customer_id))) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Order ${req.params.id} was not found.`)
  }
  type Payment = { provider_id: string; data: Partial<BankTransferData> | null; amount: unknown; currency_code: string }
  const payment = paymentsOf<Payment>(order).find((p) => isBankTransfer(p.provider_id))
  if (!payment || !order.cart?.id) {
    res.json({ payment_instructions: null })
    return
  }
  await syncOrderInvoiceWorkflow(req.scope).run({ input: { order_id: order.id } })
  const invoices = req.scope.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
  const [invoice] = await invoices.listInvoices({ order_id: order.id }, { select: ["number", "status"] })
  const reference = invoice?.number ?? ""
  const data = payment.data ?? {}
  res.json({
    payment_instructions: {
      method: "bank_transfer",
      account_holder: data.account_holder ?? null,
      iban: data.iban ?? null,
      bic: data.bic ?? null,
      bank_name: data.bank_name ?? null,
      text: (data.instructions ?? "").replace(/\{\{\s*reference\s*\}\}/g, reference),
      reference,
      amount: Number(payment.amount),
      currency_code: payment.currency_code,
      status: invoice?.status === "paid" ? "paid" : invoice?.status === "void" ? "canceled" : "awaiting_payment",
    },
  })
}
