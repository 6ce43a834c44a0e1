import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { CART_CREDIT_PREFERENCE_KEY, STORE_CREDIT_LINE_REFERENCE } from "./constants"
import { type Amount, toNumber } from "./store-credit"
import type { CartCreditView } from "./types"

export type { CartCreditView } from "./types"

/**
 * `full`: apply `min(balance, total)` (or nothing when switched off).
 * `shrink_only`: keep what the cart applies unless it now exceeds the balance
 * or the total (used right before payment, so a grant made meanwhile does not
 * change an amount the client already agreed to pay).
 * `checkout` (the checkout gate): `shrink_only` once a payment was started
 * (the cart has a payment collection), `full` before: no amount was agreed
 * yet, and the client was shown what the balance covers (the background
 * refresh may not have written it yet).
 */
export type CartCreditMode = "full" | "shrink_only" | "checkout"

/** What a cart applies and what it should apply. */
export type CartCreditPlan = {
  cart_id: string
  customer_id: string | null
  currency_code: string
  /** The cart was completed: its credit is final. */
  completed: boolean
  /** The client's switch for this cart (on unless switched off). */
  enabled: boolean
  /** The customer's account in the cart's currency, if any. */
  account_id: string | null
  /** The account's balance (before this cart is paid). */
  balance: number
  /** Credit the cart applies now. */
  applied: number
  /** Credit the cart should apply. */
  target: number
  /** The cart's total before account credit (null when not needed to decide). */
  total_before_credit: number | null
  /** The cart's credit lines must be rewritten to apply `target`. */
  changed: boolean
  /** The cart's payment collection, if it has one yet (read with the totals; null when not read). */
  payment_collection_id: string | null
  /** Credit lines to delete and to create to get there. */
  delete_ids: string[]
  create: { cart_id: string; amount: number; reference: string; reference_id: string; metadata: Record<string, unknown> }[]
}

type Line = { id: string; reference?: string | null; reference_id?: string | null; amount: Amount }
/** A cart's credit lines that spend the client's account credit. */
const storeLines = (all: unknown) =>
  ((all ?? []) as (Line | null)[]).filter((l): l is Line => !!l && l.reference === STORE_CREDIT_LINE_REFERENCE)
const sumOf = (ls: Line[]) => ls.reduce((sum, l) => MathBN.add(sum, toNumber(l.amount)), MathBN.convert(0)).toNumber()

/**
 * Works out the account credit a cart should apply: the client's balance in
 * the cart's currency, at most the cart's total, nothing for guests or when
 * the client switched it off, and never another customer's account (a cart
 * transferred to someone else drops the previous owner's credit). Reads
 * lazily: a cart of a customer without credit costs two small queries.
 */
export async function planCartCredit(
  container: MedusaContainer,
  cartId: string,
  mode: CartCreditMode = "full"
): Promise<CartCreditPlan> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // The cart module directly: this read runs on every cart read and checkout
  // step, and a plain module call is cheaper than a graph query.
  const cart = await container.resolve(Modules.CART).retrieveCart(cartId, {
    select: ["id", "customer_id", "currency_code", "completed_at", "metadata"],
    relations: ["credit_lines"],
  })
  let lines = storeLines(cart.credit_lines)
  const applied = sumOf(lines)
  const enabled = (cart.metadata as Record<string, unknown> | null)?.[CART_CREDIT_PREFERENCE_KEY] !== "off"
  const plan: CartCreditPlan = {
    cart_id: cart.id,
    customer_id: cart.customer_id ?? null,
    currency_code: cart.currency_code,
    completed: !!cart.completed_at,
    enabled,
    account_id: null,
    balance: 0,
    applied,
    target: applied,
    total_before_credit: null,
    changed: false,
    payment_collection_id: null,
    delete_ids: [],
    create: [],
  }
  if (plan.completed) {
    return plan
  }

  if (cart.customer_id) {
    const {
      data: [account],
    } = await query.graph({
      entity: "store_credit_account",
      fields: ["id", "balance"],
      filters: { customer_id: cart.customer_id, currency_code: cart.currency_code },
    })
    plan.account_id = account?.id ?? null
    plan.balance = account ? toNumber(account.balance as Amount) : 0
  }

  const canApply = !!plan.account_id && plan.enabled && plan.balance > 0
  if (!canApply && !lines.length) {
    plan.target = 0
    return plan
  }

  // The total and the lines it was computed with come from one read, so a
  // line written meanwhile (by a concurrent refresh) cannot skew the sum.
  const {
    data: [totals],
  } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "total",
      "credit_lines.id",
      "credit_lines.reference",
      "credit_lines.reference_id",
      "credit_lines.amount",
      "payment_collection.id",
    ],
    filters: { id: cartId },
  })
  plan.payment_collection_id = (totals.payment_collection as { id?: string } | null)?.id ?? null
  lines = storeLines(totals.credit_lines)
  plan.applied = sumOf(lines)
  const before = MathBN.add(toNumber(totals.total as Amount), plan.applied)
  plan.total_before_credit = before.toNumber()
  const cap = canApply ? MathBN.max(MathBN.min(plan.balance, before), 0) : MathBN.convert(0)

  const foreign = lines.some((l) => l.reference_id !== plan.account_id)
  const current = MathBN.convert(plan.applied)
  let target = cap
  const shrinkOnly = mode === "shrink_only" || (mode === "checkout" && !!plan.payment_collection_id)
  if (shrinkOnly && canApply && !foreign && lines.length <= 1 && current.lte(cap)) {
    target = current
  }
  plan.target = target.toNumber()
  plan.changed = foreign || lines.length > 1 || !current.eq(target)
  if (plan.changed) {
    plan.delete_ids = lines.map((l) => l.id)
    if (target.gt(0)) {
      plan.create = [
        {
          cart_id: cart.id,
          amount: plan.target,
          reference: STORE_CREDIT_LINE_REFERENCE,
          reference_id: plan.account_id as string,
          metadata: { applied_by: "portico" },
        },
      ]
    }
  }
  return plan
}

/** Turns a plan (after it was applied) into what a client sees. */
export async function viewCartCredit(container: MedusaContainer, plan: CartCreditPlan): Promise<CartCreditView> {
  let before = plan.total_before_credit
  if (before === null) {
    // The total and the credit lines it was computed with from one read (a
    // refresh may write a line between the plan's read and this one).
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [cart],
    } = await query.graph({
      entity: "cart",
      fields: ["id", "total", "credit_lines.reference", "credit_lines.amount"],
      filters: { id: plan.cart_id },
    })
    before = MathBN.add(toNumber(cart.total as Amount), sumOf(storeLines(cart.credit_lines))).toNumber()
  }
  return {
    cart_id: plan.cart_id,
    currency_code: plan.currency_code,
    enabled: plan.enabled,
    balance: plan.balance,
    applied: plan.target,
    total_before_credit: before,
    amount_due: MathBN.max(MathBN.sub(before, plan.target), 0).toNumber(),
  }
}
