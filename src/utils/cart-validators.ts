import type { MedusaContainer } from "@medusajs/framework/types"

/** The core cart workflows whose `validate` hook Portico holds and shares. */
export type SharedCartHook = "addToCart" | "updateLineItemInCart" | "updateCart"

type HookContext = { container: MedusaContainer }
/** A validator run in a shared `validate` hook: throw to refuse the change. */
export type CartValidator = (data: { input: unknown; cart: unknown }, context: HookContext) => Promise<void> | void

const shared: Record<SharedCartHook, CartValidator[]> = { addToCart: [], updateLineItemInCart: [], updateCart: [] }

/**
 * Adds a validator to the `validate` hook of `addToCartWorkflow`,
 * `updateLineItemInCartWorkflow` or `updateCartWorkflow`, which Portico
 * claims for the currency lock. It receives what the hook receives
 * (`{ input, cart }`) and runs after the lock, in registration order; throw
 * to refuse the change. Call it from a file the app loads at start (e.g.
 * `src/workflows/hooks/my-cart-rules.ts`).
 *
 * @example
 * onCartValidate("addToCart", async ({ input }) => {
 *   if ((input as { items: unknown[] }).items.length > 10) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Too many")
 * })
 */
export function onCartValidate(hook: SharedCartHook, validator: CartValidator) {
  shared[hook].push(validator)
}

/** Runs the validators registered for `hook`, in order (Portico's hook handlers call it). */
export async function runCartValidators(hook: SharedCartHook, data: { input: unknown; cart: unknown }, context: HookContext) {
  for (const validator of shared[hook]) {
    await validator(data, context)
  }
}

