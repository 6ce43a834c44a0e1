import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storeCreditModule } from "../store-credit"

export const ensureCreditAccountStepId = "portico-ensure-credit-account"

/**
 * Returns the customer's store-credit account in a currency, creating it
 * when there is none. Two requests creating it at once meet the plugin's
 * unique index (customer, currency); the loser reads the winner's account.
 * Compensation deletes the account only if this step created it.
 */
export const ensureCreditAccountStep = createStep(
  ensureCreditAccountStepId,
  async (input: { customer_id: string; currency_code: string }, { container }) => {
    const storeCredit = storeCreditModule(container)
    const find = async () =>
      (
        await storeCredit.listStoreCreditAccounts(
          { customer_id: input.customer_id, currency_code: input.currency_code },
          { select: ["id", "customer_id", "currency_code"] }
        )
      )[0]
    const existing = await find()
    if (existing) {
      return new StepResponse({ id: existing.id, created: false }, null)
    }
    try {
      const created = await storeCredit.createStoreCreditAccounts({
        customer_id: input.customer_id,
        currency_code: input.currency_code,
      })
      return new StepResponse({ id: created.id, created: true }, created.id)
    } catch (e) {
      const raced = await find()
      if (!raced) {
        throw e
      }
      return new StepResponse({ id: raced.id, created: false }, null)
    }
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    await storeCreditModule(container).deleteStoreCreditAccounts([createdId])
  }
)
