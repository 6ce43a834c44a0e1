import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PorticoError, PorticoErrorCode } from "../../../../utils/errors"
import { PORTICO_EMAIL_TEMPLATE_MODULE } from "../../../../modules/email-template/constants"
import type EmailTemplateModuleService from "../../../../modules/email-template/service"
import {
  EMAIL_TEMPLATE_DEFINITIONS,
  EMAIL_TEMPLATES,
  type EmailTemplateName,
  isEmailTemplate,
  type TemplateVariable,
} from "../../../../modules/email-template/templates/catalog"

/** A template as the admin sees it: its definition, defaults and the merchant's override. */
export type AdminEmailTemplate = {
  template: EmailTemplateName
  title: string
  recipient: "client" | "merchant"
  description: string
  variables: TemplateVariable[]
  default_subject: string
  default_body: string
  override: { subject: string | null; body: string | null; enabled: boolean; updated_at: string } | null
}

type Row = { template: string; subject: string | null; body: string | null; enabled: boolean; updated_at: Date | string }

/** The template named by a route parameter, or a 404. */
export function templateParam(name: string | undefined): EmailTemplateName {
  if (!isEmailTemplate(name)) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Email template '${name}' was not found`)
  }
  return name
}

/** Every template (or one) with the merchant's override. */
export async function listAdminEmailTemplates(
  container: MedusaContainer,
  only?: EmailTemplateName
): Promise<AdminEmailTemplate[]> {
  const names = only ? [only] : EMAIL_TEMPLATES
  const rows = (await container
    .resolve<EmailTemplateModuleService>(PORTICO_EMAIL_TEMPLATE_MODULE)
    .listEmailTemplates({ template: names })) as Row[]
  const byName = new Map(rows.map((row) => [row.template, row]))
  return names.map((name) => {
    const definition = EMAIL_TEMPLATE_DEFINITIONS[name]
    const row = byName.get(name)
    return {
      template: name,
      title: definition.title,
      recipient: definition.recipient,
      description: definition.description,
      variables: definition.variables,
      default_subject: definition.subject,
      default_body: definition.body,
      override: row
        ? { subject: row.subject, body: row.body, enabled: row.enabled, updated_at: new Date(row.updated_at).toISOString() }
        : null,
    }
  })
}
