import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sampleVariables } from "../../../../../../modules/email-template/templates/catalog"
import { renderEmail } from "../../../../../../modules/email-template/templates/render"
import { templateParam } from "../../helpers"
import type { PreviewEmailTemplateBodyType } from "../../validators"

const sampleRows = {
  items: [
    { title: "Logo design (Premium)", quantity: 2, total: "$400.00" },
    { title: "Brand audit", quantity: 1, total: "$50.00" },
  ],
  service_orders: [
    {
      id: "sord_sample",
      title: "Logo design (Premium) — 1 of 2",
      status: "pending",
      intake_url: "https://shop.example.com/service-orders/sord_sample",
    },
  ],
}

/**
 * `POST /admin/portico/email-templates/:template/preview` `{ subject?, body? }`:
 * renders the template with sample values (the override given, else the
 * default) → `{ preview: { subject, html, text } }`. Nothing is saved or sent.
 */
export async function POST(req: MedusaRequest<PreviewEmailTemplateBodyType>, res: MedusaResponse) {
  const template = templateParam(req.params.template)
  const preview = await renderEmail(template, { variables: sampleVariables(template), ...sampleRows }, req.validatedBody)
  res.json({ preview })
}
