import type { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"
import { formatMoney } from "../../../utils/money"
import { orderCreditRefundState } from "../../credit/order-refunds"

export const paymentOrderStepId = "portico-payment-order"

/**
 * The order a payment belongs to (`null` when the payment is not an order's,
 * e.g. an abandoned cart's). 404 `not_found` for an unknown payment. Reads only.
 */
export const paymentOrderStep = createStep(
  paymentOrderStepId,
  async (input: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [payment],
    } = await query.graph({
      entity: "payment",
      fields: ["id", "payment_collection_id"],
      filters: { id: input.payment_id },
    })
    if (!payment) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Payment ${input.payment_id} was not found`)
    }
    const {
      data: [link],
    } = await query.graph({
      entity: "order_payment_collection",
      fields: ["order_id"],
      filters: { payment_collection_id: payment.payment_collection_id },
    })
    return new StepResponse({ payment_id: payment.id, order_id: (link as { order_id?: string } | undefined)?.order_id ?? null })
  }
)

export const validateGatewayRefundStepId = "portico-validate-gateway-refund"

/**
 * Bounds a refund to the card or PayPal account by what the order can still
 * refund in all: captured + credit used − refunds to the gateway − refunds to
 * account credit (Medusa bounds it by the one payment's captures only, which
 * knows nothing of refunds to credit). Without an amount, the refund is what
 * the payment has left, as Medusa computes it. Beyond: 400
 * `refund_exceeds_paid` (`details.refundable`). Run it under the order's
 * refund lock (`portico-credit-refund:<order_id>`), the one refunds to credit
 * take, so the two paths together never pay back more than the client paid.
 */
export const validateGatewayRefundStep = createStep(
  validateGatewayRefundStepId,
  async (input: { payment_id: string; order_id: string | null; amount?: BigNumberInput | null }, { container }) => {
    if (!input.order_id) {
      return new StepResponse(null)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [payment],
    } = await query.graph({
      entity: "payment",
      fields: ["id", "captures.amount", "refunds.amount"],
      filters: { id: input.payment_id },
    })
    const sumOf = (rows: ({ amount?: unknown } | null)[] | null | undefined) =>
      (rows ?? []).reduce((s, r) => MathBN.add(s, MathBN.convert(String(r?.amount ?? 0))), MathBN.convert(0))
    const amount =
      input.amount === undefined || input.amount === null
        ? MathBN.sub(sumOf(payment?.captures), sumOf(payment?.refunds))
        : MathBN.convert(input.amount)
    const state = await orderCreditRefundState(container, input.order_id)
    if (state && MathBN.gt(amount, state.refundable)) {
      throw new PorticoError(
        MedusaError.Types.INVALID_DATA,
        PorticoErrorCode.REFUND_EXCEEDS_PAID,
        `This order can refund at most ${formatMoney(state.refundable, state.currency_code)} (part of it was already refunded, possibly to account credit).`,
        { field: "amount", details: { refundable: state.refundable } }
      )
    }
    return new StepResponse(state)
  }
)
