import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_INVOICE_MODULE } from "../../../modules/invoice"
import type InvoiceModuleService from "../../../modules/invoice/service"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import { LedgerReference } from "../../credit/constants"
import { listCreditAccounts } from "../../credit/ledger"
import { storeCreditModule } from "../../credit/store-credit"

export const takeRenewalCreditStepId = "portico-take-renewal-credit-step"

/**
 * Pays what it can of a renewal from the client's account credit in the
 * subscription's currency (all of it, or the balance when smaller), once:
 * the ledger debit carries the renewal as its reference, and a rerun finds
 * that debit instead of writing another. The amount is recorded on the
 * renewal and its invoice (`credit_total`). Debits are row-locked by the
 * store-credit module, so a checkout spending the same balance at the same
 * moment never overdraws it; this step then takes what is left. No
 * compensation: a renewal resumes, it is not rolled back (a canceled
 * renewal's credit is returned by the cancel).
 */
export const takeRenewalCreditStep = createStep(
  takeRenewalCreditStepId,
  async (input: { renewal_id: string }, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const renewal = await subscriptions.getRenewal(input.renewal_id)
    if (!renewal) {
      return new StepResponse({ credit_amount: 0 })
    }
    if (renewal.credit_amount != null) {
      return new StepResponse({ credit_amount: Number(renewal.credit_amount) })
    }
    const sub = await subscriptions.retrieveSubscription(renewal.subscription_id, { select: ["id", "customer_id"] })
    const storeCredit = storeCreditModule(container)
    let taken = 0
    let transactionId: string | null = null
    const [done] = await storeCredit.listAccountTransactions({
      reference: LedgerReference.RENEWAL,
      reference_id: renewal.id,
      type: "debit",
    })
    if (done) {
      taken = Number(MathBN.convert(done.amount as never).toNumber())
      transactionId = done.id
    } else if (sub.customer_id) {
      for (let tries = 0; tries < 3 && !transactionId; tries++) {
        const account = (await listCreditAccounts(container, sub.customer_id)).find(
          (a) => a.currency_code === renewal.currency_code.toLowerCase()
        )
        const amount = Math.min(account?.balance ?? 0, Number(renewal.amount))
        if (!account || amount <= 0) {
          break
        }
        try {
          const [written] = await storeCredit.debitAccounts([
            {
              account_id: account.id,
              amount,
              reference: LedgerReference.RENEWAL,
              reference_id: renewal.id,
              note: `Subscription renewal ${renewal.period}`,
            },
          ])
          taken = amount
          transactionId = written.id
        } catch (e) {
          // The balance moved (a checkout spent it): read it again.
          if ((e as Error).message !== "Insufficient balance") {
            throw e
          }
        }
      }
    }
    await subscriptions.recordRenewal(renewal.id, { credit_amount: taken, credit_transaction_id: transactionId })
    if (renewal.invoice_id) {
      await container.resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE).settleRenewalInvoice(renewal.invoice_id, {
        credit_total: taken,
      })
    }
    return new StepResponse({ credit_amount: taken })
  }
)
