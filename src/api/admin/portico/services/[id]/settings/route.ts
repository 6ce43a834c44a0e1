import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { upsertServiceSettingsWorkflow } from "../../../../../../workflows/catalog/workflows/upsert-service-settings"
import { withFieldErrors } from "../../../../../utils/domain-errors"
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettingsBodyType } from "../../validators"
import { PorticoError, PorticoErrorCode } from "../../../../../../utils/errors"

/** The settings of a product, or the defaults it behaves with; 404 for an unknown product. */
async function settingsOf(scope: MedusaContainer, productId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [product],
  } = await query.graph({
    entity: "product",
    fields: ["id", "service_settings.*"],
    filters: { id: productId },
  })
  if (!product) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Service ${productId} was not found.`)
  }
  const stored = (product as { service_settings?: Record<string, unknown> | null }).service_settings
  return stored ?? { id: null, product_id: productId, ...DEFAULT_SERVICE_SETTINGS }
}

/**
 * `GET /admin/portico/services/:id/settings` (`:id`: product id): the service's
 * Portico settings, or the defaults (`id: null`) if never saved. Returns
 * `{ service_settings }`.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ service_settings: await settingsOf(req.scope, req.params.id) })
}

/**
 * `POST /admin/portico/services/:id/settings`: saves the given settings (the
 * rest keep their value). Returns `{ service_settings }`. Errors: 404 unknown
 * product or folder; 400 `invalid_billing` (recurring without interval).
 */
export const POST = withFieldErrors(
  async (req: AuthenticatedMedusaRequest<ServiceSettingsBodyType>, res: MedusaResponse) => {
    await upsertServiceSettingsWorkflow(req.scope).run({
      input: { settings: [{ ...req.validatedBody, product_id: req.params.id }] },
    })
    res.json({ service_settings: await settingsOf(req.scope, req.params.id) })
  }
)
