import type { PaymentInstructions as ContractPaymentInstructions } from "../../contracts"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PORTICO_INVOICE_MODULE } from "../../modules/invoice/constants"
import type InvoiceModuleService from "../../modules/invoice/service"
import type { BankTransferData } from "../../providers/bank-transfer/service"
import { paymentsOf } from "../invoice/order-payments"

/**
 * How to pay an order placed with bank transfer, as the confirmation page
 * (`GET /store/orders/:id/payment-instructions`) and the `payment_instructions`
 * email show it: the merchant's bank details and instructions with the
 * invoice number as the payment reference, the amount due (what account
 * credit leaves) and whether the payment arrived.
 */
export type PaymentInstructions = ContractPaymentInstructions

/** {@link PaymentInstructions} and what they were computed from. */
export type OrderPaymentInstructions = {
  payment_instructions: PaymentInstructions
  /** The bank-transfer payment's provider (`pp_bank_transfer_<id>`). */
  provider_id: string
  /** The order's invoice (null only if the order has none yet). */
  invoice: { id: string; number: string | null; status: string } | null
}

/** The order fields {@link orderPaymentInstructions} reads (add them to a `query.graph` of `order`). */
export const PAYMENT_INSTRUCTIONS_ORDER_FIELDS = [
  "id",
  "cart.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.data",
  "payment_collections.payments.amount",
  "payment_collections.payments.currency_code",
]

/** An order as `query.graph` returns it with {@link PAYMENT_INSTRUCTIONS_ORDER_FIELDS}. */
export type OrderForPaymentInstructions = {
  id: string
  cart?: { id?: string | null } | null
  payment_collections?: unknown
}

type Payment = { provider_id: string; data: Partial<BankTransferData> | null; amount: unknown; currency_code: string }

/** Portico's bank-transfer provider, as `pp_<identifier>_<id>`. */
export const isBankTransferProvider = (providerId: string | null | undefined) => !!providerId?.startsWith("pp_bank_transfer_")

/**
 * The merchant's bank details as a bank-transfer payment keeps them, with
 * the instructions' `{{reference}}` filled in (the invoice number the client
 * writes on the transfer).
 */
export function bankTransferDetails(data: Partial<BankTransferData> | null | undefined, reference: string) {
  const d = data ?? {}
  return {
    account_holder: d.account_holder ?? null,
    iban: d.iban ?? null,
    bic: d.bic ?? null,
    bank_name: d.bank_name ?? null,
    text: (d.instructions ?? "").replace(/\{\{\s*reference\s*\}\}/g, reference),
  }
}

/**
 * The bank details of an order paid by bank transfer (from its payment),
 * for another invoice to be paid the same way (a subscription's renewal,
 * with that invoice's number as the reference); null when the order was not
 * paid by bank transfer.
 */
export function orderBankTransferDetails(order: OrderForPaymentInstructions, reference: string) {
  const payment = paymentsOf<Payment>(order).find((p) => isBankTransferProvider(p.provider_id))
  return payment ? bankTransferDetails(payment.data, reference) : null
}

/**
 * How to pay `order`: the instructions of its bank-transfer payment, or null
 * when it was paid another way (or was not placed from a cart). The
 * reference is the order's invoice number and the status the invoice's
 * (`paid`, `void` → `canceled`, otherwise `awaiting_payment`).
 *
 * @example
 * const { data: [order] } = await query.graph({ entity: "order", fields: PAYMENT_INSTRUCTIONS_ORDER_FIELDS, filters: { id } })
 * const found = await orderPaymentInstructions(container, order)
 */
export async function orderPaymentInstructions(
  container: MedusaContainer,
  order: OrderForPaymentInstructions
): Promise<OrderPaymentInstructions | null> {
  const payment = paymentsOf<Payment>(order).find((p) => isBankTransferProvider(p.provider_id))
  if (!payment || !order.cart?.id) {
    return null
  }
  const invoices = container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
  const [invoice] = await invoices.listInvoices({ order_id: order.id }, { select: ["id", "number", "status"], take: 1 })
  const reference = invoice?.number ?? ""
  return {
    provider_id: payment.provider_id,
    invoice: invoice ? { id: invoice.id, number: invoice.number ?? null, status: invoice.status } : null,
    payment_instructions: {
      method: "bank_transfer",
      ...bankTransferDetails(payment.data, reference),
      reference,
      amount: Number(payment.amount),
      currency_code: payment.currency_code,
      status: invoice?.status === "paid" ? "paid" : invoice?.status === "void" ? "canceled" : "awaiting_payment",
    },
  }
}
