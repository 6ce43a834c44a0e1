/** An order line as the post-payment steps read it (`items.*`: only the whole item brings its quantity). */
export type PurchasedItem = {
  id: string
  title: string
  variant_title?: string | null
  product_id?: string | null
  variant_id?: string | null
  quantity: unknown
  unit_price?: unknown
}

/** How many purchased units a line holds: a quantity-2 line is two (two service orders, subscriptions, keys). */
export const unitsOf = (item: PurchasedItem) => Math.max(1, Math.round(Number(item.quantity)))
