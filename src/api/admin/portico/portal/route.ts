import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { portalUrl } from "../../../../workflows/notification/email-data"
import { emailSettings } from "../../../../workflows/notification/send-email"

/**
 * `GET /admin/portico/portal`: the customer-portal link to share with clients
 * (`{ portal: { url } }`, `<storefront>/portal`, the same base as the
 * `portal_url` of emails).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { storefront_url } = emailSettings(req.scope)
  res.json({ portal: { url: portalUrl(storefront_url) } })
}
