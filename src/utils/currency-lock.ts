import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { PorticoError, PorticoErrorCode } from "./errors"

/** A service that cannot go into a cart of the given currency. */
export type UnpricedService = {
  variant_id: string
  product_title: string
  /** The currencies the service is priced in (lower case). */
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
 * The variants among `variantIds` that have no price for a cart in
 * `currency_code` (and `region_id`): the same price calculation Medusa runs
 * when it adds an item, so "priced" means what the cart would charge.
 */
export async function findUnpricedServices(
  container: MedusaContainer,
  variantIds: string[],
  context: { currency_code: string; region_id?: string | null }
): Promise<UnpricedService[]> {
  const ids = [...new Set(variantIds.filter(Boolean))]
  if (!ids.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // The common case (every variant priced) costs one price calculation; the
  // names and currencies for the message are read only when one is missing.
  const { data: priced } = await query.graph({
    entity: "variant",
    fields: ["id", "calculated_price.calculated_amount"],
    filters: { id: ids },
    context: {
      calculated_price: QueryContext({
        currency_code: context.currency_code,
        ...(context.region_id ? { region_id: context.region_id } : {}),
      }),
    },
  })
  const missing = priced
    .filter((v) => {
      const amount = (v as { calculated_price?: { calculated_amount?: unknown } | null }).calculated_price
        ?.calculated_amount
      return amount === null || amount === undefined
    })
    .map((v) => v.id)
  if (!missing.length) {
    return []
  }
  const { data: variants } = await query.graph({
    entity: "variant",
    fields: ["id", "product.title", "prices.currency_code"],
    filters: { id: missing },
  })
  return variants.map((v) => ({
    variant_id: v.id,
    product_title: (v as { product?: { title?: string } | null }).product?.title ?? v.id,
    currencies: [
      ...new Set(
        ((v as { prices?: { currency_code: string }[] | null }).prices ?? []).map((p) => p.currency_code)
      ),
    ].sort(),
  }))
}

/**
 * Throws `currency_mismatch` (HTTP 400) when any of the variants has no price
 * in the cart's currency. The message names the service, the currencies it is
 * priced in and the cart's currency, e.g. `"Brand strategy workshop (EU)" is
 * priced in EUR only, but this cart is in USD.`
 */
export async function assertPricedInCartCurrency(
  container: MedusaContainer,
  variantIds: string[],
  cart: { currency_code: string; region_id?: string | null },
  change: "add" | "region" = "add"
) {
  const unpriced = await findUnpricedServices(container, variantIds, cart)
  if (!unpriced.length) {
    return
  }
  const cartCurrency = upper(cart.currency_code)
  const [first] = unpriced
  const pricedIn = first.currencies.length
    ? `is priced in ${listCurrencies(first.currencies)}${first.currencies.length === 1 ? " only" : ""}`
    : "has no price in any currency"
  const others = unpriced.length > 1 ? ` (and ${unpriced.length - 1} more)` : ""
  const message =
    change === "add"
      ? `"${first.product_title}" ${pricedIn}, but this cart is in ${cartCurrency}. All services in a cart must share one currency.`
      : `This cart cannot switch to ${cartCurrency}: "${first.product_title}"${others} ${pricedIn}. Remove it first, or keep the cart's current currency.`
  throw new PorticoError(MedusaError.Types.INVALID_DATA, PorticoErrorCode.CURRENCY_MISMATCH, message, {
    field: change === "add" ? "variant_id" : "region_id",
    details: {
      cart_currency: cart.currency_code,
      services: unpriced,
    },
  })
}
