import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { BankTransferProviderService } from "./service"

export type { BankTransferData, BankTransferOptions } from "./service"
export { BankTransferProviderService, DEFAULT_BANK_TRANSFER_INSTRUCTIONS } from "./service"

/**
 * Portico's bank-transfer payment provider for Medusa's payment module:
 * `{ resolve: "medusa-plugin-portico/providers/bank-transfer", id: "default", options: { account_holder, iban, bic, bank_name, instructions } }`
 * (provider id `pp_bank_transfer_default`).
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [BankTransferProviderService],
})
