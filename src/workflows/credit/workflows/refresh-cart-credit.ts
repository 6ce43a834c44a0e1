import {
  acquireLockStep,
  createCartCreditLinesWorkflow,
  deleteCartCreditLinesWorkflow,
  emitEventStep,
  refreshPaymentCollectionForCartWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CartCreditMode } from "../cart-credit"
import { CreditEvents } from "../constants"
import { planCartCreditStep } from "../steps/plan-cart-credit"

export const refreshCartCreditWorkflowId = "portico-refresh-cart-credit"

/**
 * Makes a cart apply the account credit it should: `min(balance, total)` of
 * its customer's account in the cart's currency, nothing for guests or when
 * the client switched credit off. When the amount changes it rewrites the
 * cart's store-credit line (the loyalty plugin's `store-credit` credit line,
 * which the plugin debits when the cart completes), refreshes the payment
 * collection to the amount left to pay (Medusa deletes its sessions) and
 * emits `portico.credit.applied`.
 *
 * Portico runs it shortly after cart changes and balance changes (the
 * subscribers, through `refreshCartCreditSoon`), when a payment session is started
 * (`startCheckoutPaymentWorkflow`) and, in `shrink_only` mode, when the
 * checkout gate finds the credit no longer covered (`gateCartCreditStep`).
 *
 * Deciding reads without a lock; rewriting takes the cart's lock (the one
 * Medusa's cart workflows take) and decides again under it, so concurrent
 * refreshes and cart changes never leave two credit lines. With
 * `locked_decision: true` the decision is taken under the lock only (for a
 * caller that has just changed an input of the plan, such as the switch or
 * a balance).
 *
 * The lock is awaited up to `lock_timeout` seconds (10 by default, so
 * starting a payment and the checkout wait for a rewrite in flight and then
 * decide on exact figures). The background refresh after cart and balance
 * changes passes `0`: one try, failing with Medusa's "Failed to acquire
 * lock" when a client's request holds the cart, so that it retries later
 * instead of queueing beside the client (`refreshCartCreditSoon`).
 *
 * @example
 * const { result } = await refreshCartCreditWorkflow(container).run({ input: { cart_id } })
 * result.target // credit now applied
 */
export const refreshCartCreditWorkflow = createWorkflow(
  refreshCartCreditWorkflowId,
  (input: { cart_id: string; mode?: CartCreditMode; locked_decision?: boolean; lock_timeout?: number }) => {
    const plan = planCartCreditStep(input)
    // `locked_decision`: decide only under the lock. A plan read without it
    // can catch another refresh between deleting the old line and writing the
    // new one and wrongly find nothing to do; a caller that has just changed
    // what the credit depends on (the client's switch) must not skip.
    const rewritten = when("credit-outdated", { plan, input }, ({ plan, input }) => plan.changed || !!input.locked_decision).then(() => {
      acquireLockStep({
        key: input.cart_id,
        timeout: transform({ input }, ({ input }) => input.lock_timeout ?? 10),
        ttl: 30,
        executeOnSubWorkflow: true,
      })
      const fresh = planCartCreditStep(input).config({ name: "plan-cart-credit-locked" })
      deleteCartCreditLinesWorkflow.runAsStep({
        input: transform({ fresh }, ({ fresh }) => ({ id: fresh.delete_ids })),
      })
      createCartCreditLinesWorkflow.runAsStep({
        input: transform({ fresh }, ({ fresh }) => fresh.create),
      })
      // A cart without a payment collection yet (items still being added),
      // or whose credit turned out right under the lock (a `locked_decision`
      // with nothing to do), has nothing to refresh: handing Medusa's
      // workflow the cart without one skips its cart-with-totals read, so the
      // lock is held shorter.
      refreshPaymentCollectionForCartWorkflow.runAsStep({
        input: transform({ input, fresh }, ({ input, fresh }) =>
          fresh.payment_collection_id && fresh.changed
            ? { cart_id: input.cart_id }
            : ({ cart: { id: input.cart_id, payment_collection: null } } as unknown as { cart_id: string })
        ),
      })
      emitEventStep({
        eventName: CreditEvents.APPLIED,
        data: transform({ fresh }, ({ fresh }) =>
          fresh.changed
            ? [
                {
                  cart_id: fresh.cart_id,
                  customer_id: fresh.customer_id,
                  currency_code: fresh.currency_code,
                  amount: fresh.target,
                  previous_amount: fresh.applied,
                },
              ]
            : []
        ),
      })
      releaseLockStep({ key: input.cart_id, executeOnSubWorkflow: true })
      return fresh
    })
    return new WorkflowResponse(
      transform({ plan, rewritten }, ({ plan, rewritten }) => rewritten ?? plan)
    )
  }
)
