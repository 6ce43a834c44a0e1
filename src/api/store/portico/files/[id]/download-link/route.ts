import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreDownloadLinkResponse } from "../../../../../../contracts/http"
import { PORTICO_ENTITLEMENT_MODULE } from "../../../../../../modules/entitlement"
import type EntitlementModuleService from "../../../../../../modules/entitlement/service"
import { clock } from "../../../../../../utils/clock"
import { downloadTarget } from "../../../../../shared/entitlements"
import { downloadToken } from "../../../../../utils/download-link"

/**
 * `POST /store/portico/files/:id/download-link`: a link to the newest version
 * of a file the logged-in client is entitled to, valid a few minutes, for the
 * browser to open (`GET /portico/downloads/:token` checks the entitlement
 * again and streams the file as an attachment). 404 for a file the client
 * did not buy; 403 `not_entitled` when their access ended.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreDownloadLinkResponse>) {
  const customerId = req.auth_context.actor_id
  await downloadTarget(req.scope, customerId, req.params.id, clock.now())
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const settings = req.scope.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE).getSettings()
  const ttl = settings.download_link_ttl_seconds
  const token = downloadToken(config, { file_id: req.params.id, customer_id: customerId }, ttl)
  const base = settings.backend_url || `${req.protocol}://${req.get("host")}`
  res.json({
    download: {
      url: `${base.replace(/\/+$/, "")}/portico/downloads/${token}`,
      expires_at: new Date(Date.now() + ttl * 1000).toISOString(),
    },
  })
}
