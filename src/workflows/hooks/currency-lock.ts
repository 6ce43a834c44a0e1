import {
  addToCartWorkflow,
  updateCartWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertPricedInCartCurrency } from "../../utils/currency-lock"

/*
 * The currency lock: every item of a cart is priced in the cart's currency.
 * Portico claims the `validate` hooks of the three core workflows that put
 * items into a cart or change its currency, so the rule holds for the store
 * API and for any code that runs these workflows. Each runs before the
 * workflow writes anything, so a refused change leaves the cart (and its
 * invoice) as it was.
 */

addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const variantIds = (input.items ?? []).map((i) => i.variant_id).filter((v): v is string => !!v)
  await assertPricedInCartCurrency(container, variantIds, cart)
})

updateLineItemInCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const items = (cart.items ?? []) as { id: string; variant_id?: string | null }[]
  const item = items.find((i) => i?.id === input.item_id)
  if (item?.variant_id) {
    await assertPricedInCartCurrency(container, [item.variant_id], cart)
  }
})

// A region change to another currency reprices every item when each has a
// price there, and is refused with `currency_mismatch` otherwise.
updateCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const next = input as { currency_code?: string; region_id?: string }
  if (!next.currency_code) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [current],
  } = await query.graph({
    entity: "cart",
    fields: ["id", "currency_code", "items.variant_id"],
    filters: { id: cart.id },
  })
  if (!current || current.currency_code === next.currency_code) {
    return
  }
  const items = (current.items ?? []) as ({ variant_id?: string | null } | null)[]
  const variantIds = items.map((i) => i?.variant_id).filter((v): v is string => !!v)
  await assertPricedInCartCurrency(
    container,
    variantIds,
    { currency_code: next.currency_code, region_id: next.region_id },
    "region"
  )
})
