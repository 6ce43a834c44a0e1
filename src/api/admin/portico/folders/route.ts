import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createFoldersWorkflow } from "../../../../workflows/catalog/workflows/create-folders"
import { withFieldErrors } from "../../../utils/domain-errors"
import { listFolders } from "../../../shared/folders"
import type { CreateFolderBodyType, FolderListParamsType } from "./validators"

/**
 * `GET /admin/portico/folders`: all folders (visible and hidden), ordered by
 * position, paginated with `limit`/`offset`; `parent_id` filters one level.
 * Returns `{ folders, count, offset, limit }`.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, FolderListParamsType>,
  res: MedusaResponse
) {
  res.json(await listFolders(req))
}

/**
 * `POST /admin/portico/folders`: creates a folder and returns `{ folder }`
 * (201). Errors: 400 `handle_taken` (field `handle`), 404 unknown `parent_id`.
 */
export const POST = withFieldErrors(async (
  req: AuthenticatedMedusaRequest<CreateFolderBodyType>,
  res: MedusaResponse
) => {
  const { result } = await createFoldersWorkflow(req.scope).run({
    input: { folders: [req.validatedBody] },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [folder],
  } = await query.graph({
    entity: "service_folder",
    fields: req.queryConfig.fields,
    filters: { id: result[0].id },
  })
  res.status(201).json({ folder })
})
