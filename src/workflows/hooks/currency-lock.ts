import {
  addToCartWorkflow,
  updateCartWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { assertPricedInCartCurrency } from "../../utils/currency-lock"
import { runCartValidators as runShared } from "../../utils/cart-validators"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"

/*
 * The currency lock: every item of a cart is priced in the cart's currency.
 * Portico claims the `validate` hooks of the three core workflows that put
 * items into a cart or change its currency, so the rule holds for the store
 * API and for any code that runs these workflows. Each runs before the
 * workflow writes anything, so a refused change leaves the cart (and its
 * invoice) as it was.
 *
 * The lock refuses only items priced in other currencies and not in the
 * cart's (see `findUnpricedServices`): custom-priced items (`unit_price`
 * given) are accepted as Medusa accepts them, and everything else about
 * prices (context, price lists, variants with no price) is Medusa's answer.
 *
 * A workflow hook takes one handler across the app; so that an app can still
 * validate these changes, Portico runs the handlers registered with
 * `onCartValidate` after its own.
 */

type NewItem = { variant_id?: string | null; unit_price?: unknown }
/** Items whose price Medusa calculates (no `unit_price` of their own). */
const calculated = (items: (NewItem | null | undefined)[]) =>
  items
    .filter((i) => i && (i.unit_price === undefined || i.unit_price === null))
    .map((i) => i!.variant_id)
    .filter((v): v is string => !!v)

addToCartWorkflow.hooks.validate(async (data, context) => {
  await assertPricedInCartCurrency(context.container, calculated(data.input.items ?? []), data.cart)
  await runShared("addToCart", data, context)
})

updateLineItemInCartWorkflow.hooks.validate(async (data, context) => {
  const { input, cart } = data
  const items = (cart.items ?? []) as { id: string; variant_id?: string | null; is_custom_price?: boolean | null }[]
  const item = items.find((i) => i?.id === input.item_id)
  if (item?.variant_id && !item.is_custom_price) {
    await assertPricedInCartCurrency(context.container, [item.variant_id], cart)
  }
  await runShared("updateLineItemInCart", data, context)
})

// A region change to another currency reprices every item when each has a
// price there, and is refused with `currency_mismatch` otherwise. A
// custom-priced item keeps its amount, which is in the current currency: such
// a cart cannot change currency.
updateCartWorkflow.hooks.validate(async (data, context) => {
  const next = data.input as { currency_code?: string; region_id?: string }
  if (next.currency_code) {
    const query = context.container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [current],
    } = await query.graph({
      entity: "cart",
      fields: ["id", "currency_code", "items.variant_id", "items.is_custom_price"],
      filters: { id: data.cart.id },
    })
    if (current && current.currency_code !== next.currency_code) {
      type Item = { variant_id?: string | null; is_custom_price?: boolean | null } | null
      const items = (current.items ?? []) as Item[]
      const custom = items.filter((i) => i?.is_custom_price)
      await assertPricedInCartCurrency(
        context.container,
        items.filter((i) => !i?.is_custom_price).map((i) => i?.variant_id).filter((v): v is string => !!v),
        { currency_code: next.currency_code },
        "region"
      )
      if (custom.length) {
        throw new PorticoError(
          MedusaError.Types.INVALID_DATA,
          PorticoErrorCode.CURRENCY_MISMATCH,
          `This cart cannot switch to ${next.currency_code.toUpperCase()}: it holds ${custom.length === 1 ? "an item" : `${custom.length} items`} priced in ${current.currency_code.toUpperCase()} for this cart alone.`,
          { field: "region_id", details: { cart_currency: current.currency_code } }
        )
      }
    }
  }
  await runShared("updateCart", data, context)
})
