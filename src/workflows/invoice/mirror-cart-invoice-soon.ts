import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncCartInvoiceWorkflow } from "./workflows/sync-cart-invoice"

/** Quiet time after a cart's last change before its invoice is mirrored (ms). */
const mirrorDelayMs = () => Number(process.env.PORTICO_INVOICE_MIRROR_DELAY_MS ?? 250)
const pending = new Map<string, NodeJS.Timeout>()

/**
 * Mirrors a cart into its invoice (`syncCartInvoiceWorkflow`) in the
 * background, `PORTICO_INVOICE_MIRROR_DELAY_MS` (250 ms) after the last call
 * for that cart: a burst of changes is mirrored once, off the client's
 * requests. Timers are per process; a mirror lost to a restart is harmless
 * (reading the invoice and placing the order mirror the cart again).
 */
export function mirrorCartInvoiceSoon(container: MedusaContainer, cartId: string) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  clearTimeout(pending.get(cartId))
  const timer = setTimeout(() => {
    pending.delete(cartId)
    syncCartInvoiceWorkflow(container)
      .run({ input: { cart_id: cartId } })
      .catch((e: Error) => logger.warn(`Portico: mirroring the invoice of ${cartId} failed: ${e.message}`))
  }, mirrorDelayMs())
  timer.unref()
  pending.set(cartId, timer)
}

/**
 * Drops a mirror of the cart still waiting in this process: the checkout
 * mirrors the final cart into the order's invoice itself, and a mirror firing
 * meanwhile only competes with it for the invoice's row lock.
 */
export function cancelCartInvoiceMirror(cartId: string) {
  clearTimeout(pending.get(cartId))
  pending.delete(cartId)
}
