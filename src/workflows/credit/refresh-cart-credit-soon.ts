import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { planCartCredit } from "./cart-credit"
import { refreshCartCreditWorkflow } from "./workflows/refresh-cart-credit"

/** Quiet time after a cart's last change (or its client's last balance change) before its credit is refreshed (ms). */
export const cartCreditDelayMs = () => {
  const ms = Number(process.env.PORTICO_CART_CREDIT_DELAY_MS ?? 200)
  return Number.isFinite(ms) && ms >= 0 ? ms : 200
}

/** Tries after the first one when the cart's lock is busy; then the refresh is left to the checkout. */
const MAX_RETRIES = 6
/** Longest wait between two tries (ms). */
const MAX_RETRY_DELAY_MS = 5_000

type Pending = {
  timer?: NodeJS.Timeout
  /** A refresh of this cart is running in this process. */
  running: boolean
  /** Something changed while it ran: refresh again afterwards. */
  again: boolean
  /** Decide under the lock only (a balance changed: see `locked_decision`). */
  locked: boolean
  /** Tries that found the cart's lock busy since the last change. */
  retries: number
}

const carts = new Map<string, Pending>()

/** A lock that could not be taken, in the words of Medusa's in-memory, Redis and PostgreSQL locking providers. */
export function isLockBusy(e: unknown): boolean {
  return /acquir\w* lock|already locked/i.test((e as Error)?.message ?? "")
}

function arm(container: MedusaContainer, cartId: string, entry: Pending, ms: number) {
  clearTimeout(entry.timer)
  entry.timer = setTimeout(() => void run(container, cartId, entry), ms)
  entry.timer.unref()
}

async function run(container: MedusaContainer, cartId: string, entry: Pending) {
  entry.timer = undefined
  entry.running = true
  const locked = entry.locked
  entry.locked = false
  let busy = false
  try {
    // Checked first without a lock: most changes leave the credit as it is,
    // and then nothing is written and the lock is not taken. A balance change
    // is decided under the lock only (an unlocked plan can catch a refresh in
    // flight half-way and wrongly find nothing to do).
    if (locked || (await planCartCredit(container, cartId)).changed) {
      // `lock_timeout: 0`: one try. A client's request waiting for the cart's
      // lock (Medusa's cart workflows wait 2 s) is served first; this refresh
      // comes back later.
      await refreshCartCreditWorkflow(container).run({
        input: { cart_id: cartId, locked_decision: locked, lock_timeout: 0 },
      })
    }
    entry.retries = 0
  } catch (e) {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    if (isLockBusy(e) && entry.retries < MAX_RETRIES) {
      busy = true
      entry.retries++
      entry.locked ||= locked
    } else {
      entry.retries = 0
      logger.warn(
        `Portico: refreshing the account credit of cart ${cartId} failed${isLockBusy(e) ? ` (its lock stayed busy over ${MAX_RETRIES + 1} tries; the checkout applies it)` : ""}: ${(e as Error).message}`
      )
    }
  } finally {
    entry.running = false
    if (entry.again) {
      entry.again = false
      arm(container, cartId, entry, cartCreditDelayMs())
    } else if (busy) {
      arm(container, cartId, entry, Math.min(Math.max(cartCreditDelayMs(), 50) * 2 ** entry.retries, MAX_RETRY_DELAY_MS))
    } else {
      carts.delete(cartId)
    }
  }
}

/**
 * Refreshes a cart's account credit in the background (`refreshCartCreditWorkflow`),
 * `PORTICO_CART_CREDIT_DELAY_MS` (200 ms) after the last call for that cart:
 * a burst of changes (add, add, change quantity…) rewrites the credit once,
 * and never while the client's requests are still coming in.
 *
 * It gives way to clients: the cart's lock is tried once, and when it is busy
 * (a client's request is changing the cart, a checkout is running) the
 * refresh tries again later (after 2×, 4×… the delay, up to 5 s, at most
 * six more times), so it is never why a client's request waits
 * for the lock long enough to fail. A refresh that gives up, or is lost to a
 * restart, is harmless: starting the payment and the checkout gate apply the
 * exact credit themselves, and `GET /store/carts/:id/credit` computes it.
 *
 * With `locked_decision` (a balance change) the refresh decides under the
 * cart's lock only. One refresh per cart runs at a time in a process; calls
 * meanwhile schedule one more after it. Timers are per process: with several
 * instances the cart's lock keeps concurrent refreshes correct.
 */
export function refreshCartCreditSoon(
  container: MedusaContainer,
  cartId: string,
  options: { locked_decision?: boolean } = {}
) {
  let entry = carts.get(cartId)
  if (!entry) {
    entry = { running: false, again: false, locked: false, retries: 0 }
    carts.set(cartId, entry)
  }
  entry.locked ||= !!options.locked_decision
  // A new change restarts the count of tries.
  entry.retries = 0
  if (entry.running) {
    entry.again = true
    return
  }
  arm(container, cartId, entry, cartCreditDelayMs())
}

/**
 * Drops a credit refresh of the cart still waiting in this process (a
 * refresh already running goes on): the checkout applies the exact credit
 * itself (`gateCartCreditStep`), and a refresh firing meanwhile only competes
 * with it for the cart's lock.
 */
export function cancelCartCreditRefresh(cartId: string) {
  const entry = carts.get(cartId)
  if (entry && !entry.running) {
    clearTimeout(entry.timer)
    carts.delete(cartId)
  }
}
