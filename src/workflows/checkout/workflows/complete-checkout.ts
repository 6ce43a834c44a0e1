import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { gateCartCreditStep } from "../../credit/steps/gate-cart-credit"
import { completeCartStep } from "../steps/complete-cart"
import { settleOrderStep } from "../steps/settle-order"
import { settleLockKey } from "../settle-lock"

export const completeCheckoutWorkflowId = "portico-complete-checkout"

/**
 * Places the order for a cart with Portico's rules: the account-credit gate
 * ({@link gateCartCreditStep}: 400 `insufficient_credit` and the cart
 * corrected when the balance no longer covers it), then Medusa's
 * `completeCartWorkflow` ({@link completeCartStep}: a refused payment reported
 * as `payment_declined` / `payment_requires_action` from the payment
 * session's status), then what the order means for Portico
 * ({@link settleOrderStep}: the invoice opened with its number, paid when the
 * payment is taken, and a paid order's service orders). Returns
 * `{ order_id }`; completing a completed cart returns its order again and
 * charges nothing. From the gate to the settled order it holds the cart's
 * settle lock (`settleLockKey`): a second completion of the same cart waits
 * and gets the same order, and the `order.placed` and `portico.invoice.paid`
 * subscribers wait for it, so they do not repeat the settling beside it.
 *
 * Portico's `POST /store/carts/:id/complete` runs it; so do Portico's own
 * flows, and a merchant's code can.
 *
 * @example
 * const { result } = await completeCheckoutWorkflow(container).run({ input: { cart_id } })
 * result.order_id
 */
export const completeCheckoutWorkflow = createWorkflow(completeCheckoutWorkflowId, (input: { cart_id: string }) => {
  const key = transform({ input }, ({ input }) => settleLockKey(input.cart_id))
  acquireLockStep({ key, timeout: 30, ttl: 120, executeOnSubWorkflow: true })
  gateCartCreditStep(transform({ input }, ({ input }) => ({ cart_id: input.cart_id })))
  const order = completeCartStep(transform({ input }, ({ input }) => ({ cart_id: input.cart_id })))
  settleOrderStep(order)
  releaseLockStep({ key, executeOnSubWorkflow: true }).config({ name: "release-settle-lock" })
  return new WorkflowResponse(order)
})
