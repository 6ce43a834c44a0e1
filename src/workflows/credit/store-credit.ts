import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { IStoreCreditModuleService } from "@medusajs/loyalty-plugin/types"
import { STORE_CREDIT_MODULE } from "./constants"

/** An amount as Medusa hands it over (number, numeric string or BigNumber). */
export type Amount = number | string | { toString(): string } | null | undefined

/** An amount as a plain number (0 for none). */
export const toNumber = (v: Amount) => (v === null || v === undefined ? 0 : MathBN.convert(v as never).toNumber())

/** A row of the plugin's ledger (`store_credit_account_transaction`). */
export type LedgerRow = {
  id: string
  account_id: string
  type: "credit" | "debit"
  amount: Amount
  reference: string
  reference_id: string
  note: string | null
  created_at: Date
}

/**
 * The loyalty plugin's store-credit module. Its published interface leaves
 * out the generated `listAccountTransactions`; this adds it, typed.
 */
export function storeCreditModule(container: MedusaContainer) {
  return container.resolve<
    IStoreCreditModuleService & {
      listAccountTransactions(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<LedgerRow[]>
    }
  >(STORE_CREDIT_MODULE)
}
