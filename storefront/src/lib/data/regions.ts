"use server"

import type { HttpTypes } from "@medusajs/types"
import { portico, sdk } from "@lib/config"
import { authHeaders, getCartId, getRegionId, setRegionId } from "@lib/cookies"
import { CURRENCY_MISMATCH, currencyMismatchMessage, errorCode, errorMessage, type ActionState } from "@lib/util/errors"
import { revalidatePath } from "next/cache"

/** All regions, in the order the backend returns them. */
export async function listRegions(): Promise<HttpTypes.StoreRegion[]> {
  const { regions } = await sdk().store.region.list({}, { cache: "no-store" })
  return regions
}

/** The client's region: from their cookie, else the first region. */
export async function getCurrentRegion(): Promise<HttpTypes.StoreRegion | undefined> {
  const regions = await listRegions()
  const id = await getRegionId()
  return regions.find((r) => r.id === id) ?? regions[0]
}

/**
 * Switches the client's region (and so currency). An existing cart moves with
 * it; if the backend refuses (a service in the cart has no price in the new
 * currency: `currency_mismatch`), the region stays and the client is told why.
 */
export async function selectRegion(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const regionId = String(formData.get("region_id") || "")
  const regions = await listRegions()
  const region = regions.find((r) => r.id === regionId)
  if (!region) {
    return { error: "Unknown region." }
  }
  const cartId = await getCartId()
  if (cartId) {
    try {
      await portico().store.carts.update(
        cartId,
        {
          region_id: region.id,
          shipping_address: { country_code: region.countries?.[0]?.iso_2 ?? undefined },
        },
        { headers: await authHeaders() }
      )
    } catch (e) {
      const code = errorCode(e)
      if (code === CURRENCY_MISMATCH) {
        // The region stays as it was, and so do the cart's currency and prices.
        const current = await getCurrentRegion()
        return { error: currencyMismatchMessage(e, "switch", current?.currency_code), code }
      }
      return { error: errorMessage(e), code }
    }
  }
  await setRegionId(region.id)
  revalidatePath("/", "layout")
  return { ok: true }
}
