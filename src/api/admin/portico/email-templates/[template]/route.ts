import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { upsertEmailTemplateWorkflow } from "../../../../../workflows/notification/workflows/upsert-email-template"
import { listAdminEmailTemplates, templateParam } from "../helpers"
import type { UpsertEmailTemplateBodyType } from "../validators"

/** `GET /admin/portico/email-templates/:template` → `{ email_template }` (404 for an unknown template). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const template = templateParam(req.params.template)
  const [email_template] = await listAdminEmailTemplates(req.scope, template)
  res.json({ email_template })
}

/**
 * `POST /admin/portico/email-templates/:template` `{ subject?, body?, enabled? }`:
 * saves the merchant's override (null or empty text = the default; absent =
 * unchanged). A placeholder the template does not fill is refused (400,
 * `unknown_variable`). → `{ email_template }`
 */
export async function POST(req: MedusaRequest<UpsertEmailTemplateBodyType>, res: MedusaResponse) {
  const template = templateParam(req.params.template)
  await upsertEmailTemplateWorkflow(req.scope).run({ input: { template, ...req.validatedBody } })
  const [email_template] = await listAdminEmailTemplates(req.scope, template)
  res.json({ email_template })
}
