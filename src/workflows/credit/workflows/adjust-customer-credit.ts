import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CreditEvents, LedgerReference } from "../constants"
import { ensureCreditAccountStep } from "../steps/ensure-credit-account"
import { moveCreditStep } from "../steps/move-credit"
import { validateCreditCustomerStep } from "../steps/validate-credit-customer"

export const adjustCustomerCreditWorkflowId = "portico-adjust-customer-credit"

/** A merchant's grant or deduction. `amount` is positive, in the currency's main unit. */
export type AdjustCustomerCreditInput = {
  customer_id: string
  currency_code: string
  type: "grant" | "deduct"
  amount: number
  note: string
  /** The admin user acting (recorded as the entry's `reference_id`). */
  actor_id: string
}

/**
 * Grants credit to a customer, or deducts it, with a note, as one entry in
 * the loyalty plugin's ledger (`reference: "admin"`). A grant opens the
 * account in that currency when needed; a deduction never takes the balance
 * below zero (400 `insufficient_credit`, nothing written). Emits
 * `portico.credit.granted` or `portico.credit.deducted`.
 *
 * @example
 * await adjustCustomerCreditWorkflow(container).run({
 *   input: { customer_id, currency_code: "usd", type: "grant", amount: 25, note: "Goodwill", actor_id },
 * })
 */
export const adjustCustomerCreditWorkflow = createWorkflow(
  adjustCustomerCreditWorkflowId,
  (input: AdjustCustomerCreditInput) => {
    const target = validateCreditCustomerStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, currency_code: input.currency_code }))
    )
    const account = ensureCreditAccountStep(target)
    const entry = moveCreditStep(
      transform({ input, account }, ({ input, account }) => ({
        type: input.type === "grant" ? ("credit" as const) : ("debit" as const),
        account_id: account.id,
        amount: input.amount,
        reference: LedgerReference.ADMIN,
        reference_id: input.actor_id,
        note: input.note,
      }))
    )
    const event = transform({ input, account, entry, target }, ({ input, account, entry, target }) => ({
      name: input.type === "grant" ? CreditEvents.GRANTED : CreditEvents.DEDUCTED,
      data: {
        customer_id: input.customer_id,
        account_id: account.id,
        transaction_id: entry.id,
        currency_code: target.currency_code,
        amount: input.amount,
        note: input.note,
      },
    }))
    emitEventStep({ eventName: event.name, data: event.data })
    return new WorkflowResponse(entry)
  }
)
