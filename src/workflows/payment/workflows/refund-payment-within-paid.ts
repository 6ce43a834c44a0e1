import { acquireLockStep, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { BigNumberInput } from "@medusajs/framework/types"
import { paymentOrderStep, validateGatewayRefundStep } from "../steps/validate-gateway-refund"

export const refundPaymentWithinPaidWorkflowId = "portico-refund-payment-within-paid"

/** What Medusa's `refundPaymentWorkflow` takes. */
export type RefundPaymentWithinPaidInput = {
  payment_id: string
  /** Defaults to what the payment has left (captured − refunded). */
  amount?: BigNumberInput
  created_by?: string
  note?: string
  refund_reason_id?: string
}

/**
 * Refunds a payment to its provider (card, PayPal) through Medusa's
 * `refundPaymentWorkflow`, never beyond what the order can still refund once
 * refunds to account credit are counted (400 `refund_exceeds_paid`, nothing
 * reaches the provider). Takes the order's refund lock, the one
 * `refundOrderToCreditWorkflow` takes, so concurrent refunds to the card and
 * to credit are decided one after the other.
 *
 * Portico's `POST /admin/payments/:id/refund` runs it; call it instead of
 * `refundPaymentWorkflow` from your own code (Medusa's workflow has no hook
 * through which Portico could bound it).
 *
 * @example
 * await refundPaymentWithinPaidWorkflow(container).run({ input: { payment_id, amount: 40 } })
 */
export const refundPaymentWithinPaidWorkflow = createWorkflow(
  refundPaymentWithinPaidWorkflowId,
  (input: RefundPaymentWithinPaidInput) => {
    const target = paymentOrderStep(transform({ input }, ({ input }) => ({ payment_id: input.payment_id })))
    const lockKey = transform({ target }, ({ target }) => `portico-credit-refund:${target.order_id ?? target.payment_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
    validateGatewayRefundStep(
      transform({ input, target }, ({ input, target }) => ({
        payment_id: input.payment_id,
        order_id: target.order_id,
        amount: input.amount ?? null,
      }))
    )
    const payment = refundPaymentWorkflow.runAsStep({ input })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(payment)
  }
)
