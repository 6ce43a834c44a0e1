import {
  acquireLockStep,
  createCartWorkflow,
  releaseLockStep,
  updateCartWorkflow,
} from "@medusajs/medusa/core-flows"
import type { CreateCartWorkflowInputDTO, UpdateCartWorkflowInputDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { guestCustomerForEmailStep, keepGuestCartStep } from "../steps/keep-guest-cart"

export const createCartForCallerWorkflowId = "portico-create-cart-for-caller"
export const updateCartForCallerWorkflowId = "portico-update-cart-for-caller"

/** Who asks: the logged-in customer, or nobody (a guest, a job, an order form). */
type Caller = { caller_customer_id?: string | null; additional_data?: Record<string, unknown> }

/**
 * Medusa's `createCartWorkflow` as a store client runs it: a logged-in
 * caller's cart is theirs; without a caller, an email that belongs to a
 * registered customer gets the email's guest customer instead
 * ({@link guestCustomerForEmailStep}), so the browser that created the cart
 * keeps reaching it. Portico's `POST /store/carts` runs it.
 */
export const createCartForCallerWorkflow = createWorkflow(
  createCartForCallerWorkflowId,
  (input: CreateCartWorkflowInputDTO & Caller) => {
    const guest = guestCustomerForEmailStep(
      transform({ input }, ({ input }) => ({ email: input.caller_customer_id ? null : input.email }))
    )
    const cart = createCartWorkflow.runAsStep({
      input: transform({ input, guest }, ({ input, guest }) => {
        const { caller_customer_id, ...rest } = input
        const customerId = caller_customer_id ?? guest ?? undefined
        return { ...rest, ...(customerId ? { customer_id: customerId } : {}) } as CreateCartWorkflowInputDTO
      }),
    })
    return new WorkflowResponse(cart)
  }
)

/**
 * Medusa's `updateCartWorkflow` as a store client runs it, under the cart's
 * lock: when a caller who is not logged in gives the first email of a cart and
 * that email belongs to a registered customer, the cart gets the email's guest
 * customer first, so it stays a guest cart (see
 * {@link guestCustomerForEmailStep}). Everything else is Medusa's update.
 * Portico's `POST /store/carts/:id` runs it.
 */
export const updateCartForCallerWorkflow = createWorkflow(
  updateCartForCallerWorkflowId,
  (input: UpdateCartWorkflowInputDTO & Caller) => {
    acquireLockStep({ key: input.id, timeout: 2, ttl: 10 })
    keepGuestCartStep(
      transform({ input }, ({ input }) => ({ cart_id: input.id, email: input.caller_customer_id ? null : input.email }))
    )
    updateCartWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => {
        const { caller_customer_id: _caller, ...rest } = input
        return rest as UpdateCartWorkflowInputDTO
      }),
    })
    releaseLockStep({ key: input.id })
    return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.id })))
  }
)
