"use server"

import type { HttpTypes } from "@medusajs/types"
import { sdk } from "@lib/config"

const FIELDS = "*variants.calculated_price,*variants.options,*options,*options.values"

/** One page of published services with prices in `regionId`'s currency. */
export async function listServices({
  regionId,
  limit = 24,
  offset = 0,
}: {
  regionId: string
  limit?: number
  offset?: number
}): Promise<{ products: HttpTypes.StoreProduct[]; count: number }> {
  const { products, count } = await sdk().store.product.list(
    { region_id: regionId, limit, offset, fields: FIELDS, order: "created_at" },
    { cache: "no-store" }
  )
  return { products, count }
}

/** A service by handle, priced in `regionId`'s currency; undefined if unknown. */
export async function getService(handle: string, regionId: string) {
  const { products } = await sdk().store.product.list(
    { handle, region_id: regionId, fields: FIELDS, limit: 1 },
    { cache: "no-store" }
  )
  return products[0]
}
