import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { AdminFileDownloadsResponse } from "../../../../../../../../contracts/http"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../../../../../../modules/entitlement"
import type EntitlementModuleService from "../../../../../../../../modules/entitlement/service"
import type { listParams } from "../../../../../../../utils/validate-query"

/** `GET /admin/portico/services/:id/files/:file_id/downloads?limit=&offset=`: who downloaded which version of the file, newest first. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<ReturnType<typeof listParams>>>,
  res: MedusaResponse<AdminFileDownloadsResponse>
) {
  const { limit, offset } = req.validatedQuery
  const service = req.scope.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE)
  const [file] = await service.listProductFiles({ id: req.params.file_id, product_id: req.params.id }, { select: ["id"], withDeleted: true })
  const [rows, count] = file
    ? await service.listAndCountFileDownloads(
        { file_id: file.id },
        { order: { created_at: "DESC", id: "DESC" }, take: limit, skip: offset }
      )
    : [[], 0]
  res.json({
    downloads: rows.map((d) => ({
      id: d.id,
      file_id: d.file_id,
      version_id: d.version_id,
      version: d.version,
      filename: d.filename,
      customer_id: d.customer_id ?? null,
      email: d.email ?? null,
      order_id: d.order_id ?? null,
      created_at: new Date(d.created_at as unknown as string).toISOString(),
    })),
    count,
    limit,
    offset,
  })
}
