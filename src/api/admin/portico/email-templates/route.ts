import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listAdminEmailTemplates } from "./helpers"

/**
 * `GET /admin/portico/email-templates`: every Portico email with its
 * variables, default subject and body, and the merchant's override.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ email_templates: await listAdminEmailTemplates(req.scope) })
}
