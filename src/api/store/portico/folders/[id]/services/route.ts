import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { retrieveFolder } from "../../../../../shared/folders"
import { folderServiceFields } from "../../query-config"
import type { FolderServicesParamsType } from "../../validators"
import { storeServiceIds } from "../../helpers"
import { PorticoError, PorticoErrorCode } from "../../../../../../utils/errors"

/**
 * `GET /store/portico/folders/:id/services?region_id=…&limit=&offset=`: the
 * services of a visible folder (`:id` is its id or handle), in the merchant's
 * order, with each variant's `calculated_price` in the region's currency
 * (`null` when the service has no price there). Returns
 * `{ folder, services, count, offset, limit }`. Hidden or unknown folder,
 * unknown region: 404.
 */
export async function GET(req: MedusaRequest<unknown, FolderServicesParamsType>, res: MedusaResponse) {
  const folder = await retrieveFolder(req.scope, req.params.id, { visibleOnly: true })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const offset = req.queryConfig.pagination?.skip ?? 0
  const limit = req.queryConfig.pagination?.take ?? 20
  const ids = (await storeServiceIds(req, folder.id)).map((s) => s.product_id)
  const page = ids.slice(offset, offset + limit)

  let context: Record<string, unknown> | undefined
  if (req.validatedQuery.region_id) {
    const {
      data: [region],
    } = await query.graph({
      entity: "region",
      fields: ["id", "currency_code"],
      filters: { id: req.validatedQuery.region_id },
    })
    if (!region) {
      throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Region ${req.validatedQuery.region_id} was not found.`)
    }
    context = {
      variants: {
        calculated_price: QueryContext({ region_id: region.id, currency_code: region.currency_code }),
      },
    }
  }
  const { data: products } = page.length
    ? await query.graph({
        entity: "product",
        fields: context
          ? folderServiceFields
          : folderServiceFields.filter((f) => !f.includes("calculated_price")),
        filters: { id: page },
        context,
      })
    : { data: [] }
  const byId = new Map(products.map((p) => [p.id, p]))
  res.json({
    folder,
    services: page.map((id) => byId.get(id)).filter(Boolean),
    count: ids.length,
    offset,
    limit,
  })
}
