import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { adminServiceOrderDetail } from "../helpers"
import { PorticoError, PorticoErrorCode } from "../../../../../utils/errors"

/**
 * `GET /admin/portico/service-orders/:id`: `{ service_order }` with its
 * history (who, when, from, to, note), intake form version and answers, and
 * any refund made when it was canceled.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service_order = await adminServiceOrderDetail(req.scope, req.params.id)
  if (!service_order) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Service order ${req.params.id} was not found.`)
  }
  res.json({ service_order })
}
