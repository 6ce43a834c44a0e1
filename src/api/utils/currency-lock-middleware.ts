import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertPricedInCartCurrency } from "../../utils/currency-lock"

type CreateCartBody = { region_id?: string; items?: { variant_id?: string }[] }

/**
 * `POST /store/carts` with `items`: refuses items without a price in the new
 * cart's currency (its region's, or the store's default region's) with
 * `currency_mismatch`, before anything is created. Medusa itself would refuse
 * them too, with a generic "do not have a price" message.
 */
export async function currencyLockOnCartCreate(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const body = (req.body ?? {}) as CreateCartBody
    const variantIds = (body.items ?? []).map((i) => i?.variant_id).filter((v): v is string => !!v)
    if (variantIds.length) {
      const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
      let regionId = body.region_id
      if (!regionId) {
        const { data: stores } = await query.graph({ entity: "store", fields: ["default_region_id"] })
        regionId = stores[0]?.default_region_id ?? undefined
      }
      const { data: regions } = regionId
        ? await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: regionId } })
        : { data: [] }
      if (regions[0]) {
        await assertPricedInCartCurrency(req.scope, variantIds, regions[0])
      }
    }
    next()
  } catch (e) {
    next(e)
  }
}
