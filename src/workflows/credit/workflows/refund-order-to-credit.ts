import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CreditEvents, LedgerReference } from "../constants"
import { ensureCreditAccountStep } from "../steps/ensure-credit-account"
import { moveCreditStep } from "../steps/move-credit"
import { recordInvoiceCreditRefundStep } from "../steps/record-invoice-credit-refund"
import { validateCreditCustomerStep } from "../steps/validate-credit-customer"
import { validateCreditRefundStep } from "../steps/validate-credit-refund"

export const refundOrderToCreditWorkflowId = "portico-refund-order-to-credit"

/** A merchant's refund of (part of) an order to the client's account credit. */
export type RefundOrderToCreditInput = {
  order_id: string
  /** Positive, at most what the client paid and was not refunded yet. */
  amount: number
  note?: string | null
  actor_id: string
}

/**
 * Refunds (part of) an order to the client's account credit instead of the
 * payment provider: one credit in the loyalty plugin's ledger referencing the
 * order (`reference: "order"`, as the plugin's own refunds), added to the
 * invoice's `credit_refund_total`, and `portico.credit.refunded`. Refunds of
 * one order are serialized (a lock per order), so together they never exceed
 * what the client paid (captured payments plus credit used, minus refunds to
 * the gateway and earlier refunds to credit).
 *
 * @example
 * await refundOrderToCreditWorkflow(container).run({
 *   input: { order_id, amount: 40, note: "Session canceled", actor_id },
 * })
 */
export const refundOrderToCreditWorkflow = createWorkflow(
  refundOrderToCreditWorkflowId,
  (input: RefundOrderToCreditInput) => {
    const lockKey = transform({ input }, ({ input }) => `portico-credit-refund:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
    const state = validateCreditRefundStep(
      transform({ input }, ({ input }) => ({ order_id: input.order_id, amount: input.amount }))
    )
    const target = validateCreditCustomerStep(
      transform({ state }, ({ state }) => ({ customer_id: state.customer_id, currency_code: state.currency_code }))
    )
    const account = ensureCreditAccountStep(target)
    const entry = moveCreditStep(
      transform({ input, account }, ({ input, account }) => ({
        type: "credit" as const,
        account_id: account.id,
        amount: input.amount,
        reference: LedgerReference.ORDER,
        reference_id: input.order_id,
        note: input.note || "Refund to account credit",
      }))
    )
    const invoice = recordInvoiceCreditRefundStep(
      transform({ input }, ({ input }) => ({ order_id: input.order_id, amount: input.amount }))
    )
    emitEventStep({
      eventName: CreditEvents.REFUNDED,
      data: transform({ input, state, account, entry, invoice }, ({ input, state, account, entry, invoice }) => ({
        order_id: input.order_id,
        invoice_id: invoice?.id ?? null,
        customer_id: state.customer_id,
        account_id: account.id,
        transaction_id: entry.id,
        currency_code: state.currency_code,
        amount: input.amount,
        note: input.note ?? null,
      })),
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(entry)
  }
)
