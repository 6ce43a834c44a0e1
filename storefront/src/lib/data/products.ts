"use server"

import type { HttpTypes } from "@medusajs/types"
import { sdk } from "@lib/config"
import type { ServiceSettings } from "@lib/util/billing"

// `service_settings` is Portico's link on products: how a service is billed
// and the folder it is in.
const FIELDS = "*variants.calculated_price,*variants.options,*options,*options.values,+service_settings.*"

/** A store product with Portico's service settings (null when it has none). */
export type Service = HttpTypes.StoreProduct & { service_settings?: ServiceSettings | null }

/** One page of published services with prices in `regionId`'s currency. */
export async function listServices({
  regionId,
  limit = 24,
  offset = 0,
}: {
  regionId: string
  limit?: number
  offset?: number
}): Promise<{ products: Service[]; count: number }> {
  const { products, count } = await sdk().store.product.list(
    { region_id: regionId, limit, offset, fields: FIELDS, order: "created_at" },
    { cache: "no-store" }
  )
  return { products, count }
}

/** A service by handle, priced in `regionId`'s currency; undefined if unknown. */
export async function getService(handle: string, regionId: string): Promise<Service | undefined> {
  const { products } = await sdk().store.product.list(
    { handle, region_id: regionId, fields: FIELDS, limit: 1 },
    { cache: "no-store" }
  )
  return products[0]
}
