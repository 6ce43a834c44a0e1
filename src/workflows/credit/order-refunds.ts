import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { LedgerReference, STORE_CREDIT_LINE_REFERENCE } from "./constants"
import { type Amount, storeCreditModule } from "./store-credit"
import type { OrderCreditRefundState } from "./types"
import { paymentsOf } from "../invoice/order-payments"

export type { OrderCreditRefundState } from "./types"

const sum = (values: Amount[]) =>
  values.reduce((acc: ReturnType<typeof MathBN.convert>, v) => MathBN.add(acc, v === null || v === undefined ? 0 : MathBN.convert(v as never)), MathBN.convert(0))

/**
 * What the client paid for an order (captured payments plus account credit)
 * minus what was refunded already (to the gateway or to credit), and what is
 * authorized but not captured yet (not paid, so not refundable). Refunds to
 * credit are the ledger's credits referencing the order.
 */
export async function orderCreditRefundState(
  container: MedusaContainer,
  orderId: string
): Promise<OrderCreditRefundState | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "customer_id",
      "currency_code",
      "credit_lines.reference",
      "credit_lines.amount",
      "payment_collections.payments.amount",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: orderId },
  })
  if (!order) {
    return null
  }
  type Payment = {
    amount?: Amount
    provider_id?: string | null
    canceled_at?: Date | string | null
    captures?: { amount: Amount }[] | null
    refunds?: { amount: Amount }[] | null
  }
  const payments = paymentsOf<Payment>(order)
  const captured = sum(payments.flatMap((p) => (p.captures ?? []).map((c) => c.amount)))
  // Authorized, not (fully) captured and not canceled: what the client has not been charged yet.
  const uncaptured = payments
    .filter((p) => !p.canceled_at)
    .map((p) => ({
      provider_id: p.provider_id ?? null,
      left: MathBN.max(MathBN.sub(MathBN.convert((p.amount ?? 0) as never), sum((p.captures ?? []).map((c) => c.amount))), 0),
    }))
    .filter((p) => MathBN.gt(p.left, 0))
  const awaitingCapture = sum(uncaptured.map((p) => p.left.toNumber()))
  const refundedToGateway = sum(payments.flatMap((p) => (p.refunds ?? []).map((r) => r.amount)))
  const creditUsed = sum(
    ((order.credit_lines ?? []) as ({ reference?: string | null; amount: Amount } | null)[])
      .filter((l) => l?.reference === STORE_CREDIT_LINE_REFERENCE)
      .map((l) => l!.amount)
  )
  const refunds = await storeCreditModule(container).listAccountTransactions(
    { type: "credit", reference: LedgerReference.ORDER, reference_id: orderId },
    { select: ["id", "amount"] }
  )
  const refundedToCredit = sum(refunds.map((r) => r.amount))
  const refundable = MathBN.max(
    MathBN.sub(MathBN.add(MathBN.sub(captured, refundedToGateway), creditUsed), refundedToCredit),
    0
  )
  return {
    order_id: order.id,
    customer_id: order.customer_id ?? null,
    currency_code: order.currency_code,
    captured: captured.toNumber(),
    awaiting_capture: awaitingCapture.toNumber(),
    awaiting_capture_providers: [...new Set(uncaptured.map((p) => p.provider_id).filter((id): id is string => !!id))],
    refunded_to_gateway: refundedToGateway.toNumber(),
    credit_used: creditUsed.toNumber(),
    refunded_to_credit: refundedToCredit.toNumber(),
    refundable: refundable.toNumber(),
  }
}
