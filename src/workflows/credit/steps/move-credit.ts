import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storeCreditModule } from "../store-credit"
import { PorticoError, PorticoErrorCode } from "../../../utils/errors"

export const moveCreditStepId = "portico-move-credit"

/** One ledger entry to write. */
export type MoveCreditInput = {
  type: "credit" | "debit"
  account_id: string
  amount: number
  reference: string
  reference_id: string
  note?: string | null
}

/**
 * Writes one entry to the loyalty plugin's ledger: a credit, or a debit
 * under the plugin's row lock on the account (check-then-insert serialized
 * per account, so concurrent debits never overdraw). A debit the balance does
 * not cover fails with 400 `insufficient_credit` and writes nothing.
 * Compensation removes the entry again.
 */
export const moveCreditStep = createStep(
  moveCreditStepId,
  async (input: MoveCreditInput, { container }) => {
    const storeCredit = storeCreditModule(container)
    const entry = {
      account_id: input.account_id,
      amount: MathBN.convert(input.amount) as unknown as number,
      reference: input.reference,
      reference_id: input.reference_id,
      note: input.note ?? undefined,
    }
    let written: { id: string }[]
    if (input.type === "credit") {
      written = await storeCredit.creditAccounts([entry])
    } else {
      try {
        written = await storeCredit.debitAccounts([entry])
      } catch (e) {
        if ((e as Error).message === "Insufficient balance") {
          throw new PorticoError(
            MedusaError.Types.NOT_ALLOWED,
            PorticoErrorCode.INSUFFICIENT_CREDIT,
            "The balance does not cover this amount",
            { field: "amount" }
          )
        }
        throw e
      }
    }
    return new StepResponse(written[0], written.map((t) => t.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await storeCreditModule(container).deleteTransactions(ids)
  }
)
