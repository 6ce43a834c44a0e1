import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PorticoError, PorticoErrorCode } from "./errors"

/** A service that cannot go into a cart of the given currency. */
export type UnpricedService = {
  variant_id: string
  product_title: string
  /** The currencies the service is priced in (lower case, never the cart's). */
  currencies: string[]
}

const upper = (c: string) => c.toUpperCase()

function listCurrencies(codes: string[]) {
  const list = codes.map(upper)
  if (list.length <= 1) {
    return list.join("")
  }
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`
}

/**
 * The variants among `variantIds` that the currency lock is about: priced in
 * other currencies and not at all in `currencyCode`. Only which currencies
 * a variant has prices in is read; whether a price applies in the cart's
 * context (region, customer group, price lists, a `setPricingContext` hook) is
 * Medusa's calculation, left to Medusa, so the lock never refuses what Medusa
 * would price. A variant with no price at all, or one priced in the cart's
 * currency for other contexts only, is not the lock's business either:
 * Medusa answers for it.
 */
export async function findUnpricedServices(
  container: MedusaContainer,
  variantIds: string[],
  currencyCode: string
): Promise<UnpricedService[]> {
  const ids = [...new Set(variantIds.filter(Boolean))]
  if (!ids.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "variant",
    fields: ["id", "product.title", "prices.currency_code"],
    filters: { id: ids },
  })
  const wanted = currencyCode.toLowerCase()
  return variants.flatMap((v) => {
    const currencies = [
      ...new Set(
        ((v as { prices?: ({ currency_code?: string | null } | null)[] | null }).prices ?? [])
          .map((p) => p?.currency_code?.toLowerCase())
          .filter((c): c is string => !!c)
      ),
    ].sort()
    if (!currencies.length || currencies.includes(wanted)) {
      return []
    }
    return [{ variant_id: v.id, product_title: (v as { product?: { title?: string } | null }).product?.title ?? v.id, currencies }]
  })
}

/**
 * The `currency_mismatch` error (HTTP 400) for variants without a price in the
 * cart's currency, or `null` when there is none (see
 * {@link findUnpricedServices}). The message names the service, the currencies it is
 * priced in and the cart's currency, e.g. `"Brand strategy workshop (EU)" is
 * priced in EUR only, but this cart is in USD.`
 */
export async function currencyMismatch(
  container: MedusaContainer,
  variantIds: string[],
  cart: { currency_code: string },
  change: "add" | "region" = "add"
): Promise<PorticoError | null> {
  const unpriced = await findUnpricedServices(container, variantIds, cart.currency_code)
  if (!unpriced.length) {
    return null
  }
  const cartCurrency = upper(cart.currency_code)
  const [first] = unpriced
  const pricedIn = `is priced in ${listCurrencies(first.currencies)}${first.currencies.length === 1 ? " only" : ""}`
  const others = unpriced.length > 1 ? ` (and ${unpriced.length - 1} more)` : ""
  const message =
    change === "add"
      ? `"${first.product_title}" ${pricedIn}, but this cart is in ${cartCurrency}. All services in a cart must share one currency.`
      : `This cart cannot switch to ${cartCurrency}: "${first.product_title}"${others} ${pricedIn}. Remove it first, or keep the cart's current currency.`
  return new PorticoError(MedusaError.Types.INVALID_DATA, PorticoErrorCode.CURRENCY_MISMATCH, message, {
    field: change === "add" ? "variant_id" : "region_id",
    details: { cart_currency: cart.currency_code, services: unpriced },
  })
}

/** Throws {@link currencyMismatch}'s error when there is one. */
export async function assertPricedInCartCurrency(
  container: MedusaContainer,
  variantIds: string[],
  cart: { currency_code: string },
  change: "add" | "region" = "add"
) {
  const error = await currencyMismatch(container, variantIds, cart, change)
  if (error) {
    throw error
  }
}

/** Medusa's refusal of items it found no price for (cart creation, cart refresh). */
const MEDUSA_NO_PRICE = /^Variants with IDs (.+) do not have a price$/

/**
 * Explains Medusa's own refusal of unpriced variants ("Variants with IDs … do
 * not have a price") as `currency_mismatch` when those variants are priced
 * in other currencies only; `null` for any other error (Medusa's answer
 * stands). Medusa prices a new cart's items before any hook can run, so this
 * is how a cart created with items from another currency gets the lock's
 * code; Portico's error handler applies it to `POST /store/carts`, and code
 * that runs `createCartWorkflow` can apply it to the error it gets.
 */
export async function explainUnpricedVariants(
  container: MedusaContainer,
  error: unknown,
  cart: { currency_code: string }
): Promise<PorticoError | null> {
  const e = (error ?? {}) as { type?: unknown; message?: unknown }
  const match = e.type === MedusaError.Types.INVALID_DATA && typeof e.message === "string" ? MEDUSA_NO_PRICE.exec(e.message) : null
  if (!match) {
    return null
  }
  return currencyMismatch(container, match[1].split(", "), cart)
}
