import { type z } from "@medusajs/framework/zod"
import { listParams, QueryId } from "../../../utils/validate-query"

export { FolderListParams, type FolderListParamsType } from "../../../shared/folders"

/** Query of `GET /store/portico/folders/:id/services`. */
export const FolderServicesParams = listParams({ limit: 20 }).extend({
  region_id: QueryId.optional(),
})
export type FolderServicesParamsType = z.infer<typeof FolderServicesParams>
