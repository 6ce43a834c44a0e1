import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** Longest wait of an event subscriber for a checkout's settling (s); it then runs anyway. */
const WAIT_SECONDS = 30

/**
 * The lock a checkout holds from its credit gate until the order is settled
 * (`completeCheckoutWorkflow`: invoice opened and paid, service orders,
 * subscriptions, license keys).
 */
export const settleLockKey = (cartId: string) => `portico-settle:${cartId}`

/**
 * Waits until no checkout of `cartId` is settling its order (at most 30 s).
 * The subscribers that are the checkout's safety net (`order.placed` →
 * invoice, `portico.invoice.paid` → post-payment work) call it first: the
 * events come while the checkout is still settling the same order on the
 * client's request, and doing the same work beside it only made that request
 * slower (the work is idempotent, so the subscriber's run afterwards finds it
 * done and sends what is left, the emails). Nothing to wait for without a
 * cart (a renewal's invoice) or when the lock is free; after 30 s (a stuck
 * checkout) it returns anyway.
 */
export async function untilCheckoutSettled(container: MedusaContainer, cartId: string | null | undefined): Promise<void> {
  if (!cartId) {
    return
  }
  try {
    await container.resolve(Modules.LOCKING).execute(settleLockKey(cartId), async () => undefined, { timeout: WAIT_SECONDS })
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Portico: the checkout of cart ${cartId} is still settling after ${WAIT_SECONDS} s; going on (${(e as Error).message})`)
  }
}
