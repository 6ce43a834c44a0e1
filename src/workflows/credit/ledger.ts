import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { PORTICO_INVOICE_MODULE } from "../../modules/invoice"
import type InvoiceModuleService from "../../modules/invoice/service"
import { LedgerReference } from "./constants"
import { type Amount, storeCreditModule, toNumber } from "./store-credit"
import type { CreditAccount, LedgerEntry, LedgerReason } from "./types"

export type { CreditAccount, LedgerEntry, LedgerReason } from "./types"


/** A customer's accounts, one per currency, with balances from the ledger. */
export async function listCreditAccounts(container: MedusaContainer, customerId: string): Promise<CreditAccount[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "store_credit_account",
    fields: ["id", "currency_code", "balance", "credits", "debits"],
    filters: { customer_id: customerId },
  })
  return data
    .map((a) => ({
      id: a.id,
      currency_code: a.currency_code,
      balance: toNumber(a.balance as Amount),
      credits: toNumber(a.credits as Amount),
      debits: toNumber(a.debits as Amount),
    }))
    .sort((a, b) => a.currency_code.localeCompare(b.currency_code))
}

function reasonOf(type: string, reference: string): LedgerReason {
  if (reference === LedgerReference.CART && type === "debit") {
    return "checkout"
  }
  if (reference === LedgerReference.RENEWAL && type === "debit") {
    return "renewal"
  }
  if (reference === LedgerReference.ORDER && type === "credit") {
    return "refund"
  }
  if (reference === LedgerReference.ADMIN) {
    return type === "credit" ? "grant" : "deduction"
  }
  if (reference === "gift_card" || reference === "gift-card") {
    return "gift_card"
  }
  return "other"
}

/**
 * A customer's ledger, newest first, each entry with the running balance
 * after it and the order (display id, invoice number) it belongs to: checkout
 * debits reference the cart (the plugin debits before the order exists), so
 * their order is found through Medusa's order–cart link.
 */
export async function listLedger(
  container: MedusaContainer,
  customerId: string,
  options: { currency_code?: string; limit?: number; offset?: number } = {}
): Promise<{ entries: LedgerEntry[]; count: number }> {
  const accounts = (await listCreditAccounts(container, customerId)).filter(
    (a) => !options.currency_code || a.currency_code === options.currency_code.toLowerCase()
  )
  if (!accounts.length) {
    return { entries: [], count: 0 }
  }
  const currencyOf = new Map(accounts.map((a) => [a.id, a.currency_code]))
  const transactions = await storeCreditModule(container).listAccountTransactions(
    { account_id: [...currencyOf.keys()] },
    { order: { created_at: "ASC", id: "ASC" } }
  )

  const running = new Map<string, ReturnType<typeof MathBN.convert>>()
  const chronological = transactions.map((t) => {
    const amount = toNumber(t.amount)
    const signed = t.type === "credit" ? amount : -amount
    const after = MathBN.add(running.get(t.account_id) ?? 0, signed)
    running.set(t.account_id, after)
    const reason = reasonOf(t.type, t.reference)
    return {
      id: t.id,
      created_at: new Date(t.created_at).toISOString(),
      currency_code: currencyOf.get(t.account_id) as string,
      type: t.type as "credit" | "debit",
      amount,
      signed_amount: signed,
      balance_after: after.toNumber(),
      reason,
      // The plugin notes every checkout debit "Gift card usage", store credit
      // too: the reason says it better.
      note: reason === "checkout" ? null : (t.note ?? null),
      reference: t.reference,
      reference_id: t.reference_id,
      order_id: t.reference === LedgerReference.ORDER ? t.reference_id : null,
      order_display_id: null as number | null,
      invoice_number: null as string | null,
    }
  })
  const count = chronological.length
  const offset = options.offset ?? 0
  const page = chronological.reverse().slice(offset, offset + (options.limit ?? 50))

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const cartIds = page.filter((e) => e.reference === LedgerReference.CART).map((e) => e.reference_id)
  if (cartIds.length) {
    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["cart_id", "order_id"],
      filters: { cart_id: cartIds },
    })
    const orderOfCart = new Map(links.map((l) => [l.cart_id as string, l.order_id as string]))
    for (const e of page) {
      if (e.reference === LedgerReference.CART) {
        e.order_id = orderOfCart.get(e.reference_id) ?? null
      }
    }
  }
  const orderIds = [...new Set(page.map((e) => e.order_id).filter((id): id is string => !!id))]
  if (orderIds.length) {
    const [{ data: orders }, invoices] = await Promise.all([
      query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } }),
      container
        .resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
        .listInvoices({ order_id: orderIds }, { select: ["order_id", "number"] }),
    ])
    const displayId = new Map(orders.map((o) => [o.id, o.display_id as number]))
    const number = new Map(invoices.map((i) => [i.order_id as string, i.number as string | null]))
    for (const e of page) {
      if (e.order_id) {
        e.order_display_id = displayId.get(e.order_id) ?? null
        e.invoice_number = number.get(e.order_id) ?? null
      }
    }
  }
  return { entries: page, count }
}
