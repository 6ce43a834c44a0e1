import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reorderFoldersWorkflow } from "../../../../../../workflows/catalog/workflows/reorder-folders"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import type { ReorderFoldersBodyType } from "../../validators"

/**
 * `POST /admin/portico/folders/tree/order`: `{ parent_id, ids }` lists every
 * folder of one parent in its new order. Returns `{ ids }`. Errors: 404 an id
 * not under that parent; 400 `invalid_order` when a sibling is missing or
 * listed twice.
 */
export const POST = withFieldErrors(
  async (req: AuthenticatedMedusaRequest<ReorderFoldersBodyType>, res: MedusaResponse) => {
    const { result } = await reorderFoldersWorkflow(req.scope).run({ input: req.validatedBody })
    res.json({ ids: result })
  }
)
