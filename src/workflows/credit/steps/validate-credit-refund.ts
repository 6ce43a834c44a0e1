import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"
import { fitsCurrency, formatMoney } from "../../../utils/money"
import { orderCreditRefundState } from "../order-refunds"

export const validateCreditRefundStepId = "portico-validate-credit-refund"

/**
 * Checks that `amount` can be refunded from an order to the client's credit:
 * the order exists (404 `not_found`), belongs to a customer, and the amount
 * fits the currency (400 `too_precise`) and is at most what the client paid
 * and was not refunded yet (400 `refund_exceeds_paid`). Returns the order's refund state.
 */
export const validateCreditRefundStep = createStep(
  validateCreditRefundStepId,
  async (input: { order_id: string; amount: number }, { container }) => {
    const state = await orderCreditRefundState(container, input.order_id)
    if (!state) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Order ${input.order_id} was not found`)
    }
    if (!state.customer_id) {
      throw new PorticoError(
        MedusaError.Types.INVALID_DATA,
        PorticoErrorCode.GUEST_CUSTOMER,
        "The order has no customer to hold the credit",
        { field: "order_id" }
      )
    }
    if (!fitsCurrency(input.amount, state.currency_code)) {
      throw new PorticoError(
        MedusaError.Types.INVALID_DATA,
        PorticoErrorCode.TOO_PRECISE,
        `Too many decimals for ${state.currency_code.toUpperCase()}`,
        { field: "amount" }
      )
    }
    if (MathBN.gt(input.amount, state.refundable)) {
      throw new PorticoError(
        MedusaError.Types.INVALID_DATA,
        PorticoErrorCode.REFUND_EXCEEDS_PAID,
        `At most ${formatMoney(state.refundable, state.currency_code)} of this order can still be refunded`,
        { field: "amount", details: { refundable: state.refundable } }
      )
    }
    return new StepResponse({ ...state, customer_id: state.customer_id })
  }
)
