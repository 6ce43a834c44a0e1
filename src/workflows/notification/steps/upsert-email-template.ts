import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTICO_EMAIL_TEMPLATE_MODULE } from "../../../modules/email-template/constants"
import type EmailTemplateModuleService from "../../../modules/email-template/service"
import type { EmailTemplateName } from "../../../modules/email-template/templates/catalog"

export const upsertEmailTemplateStepId = "portico-upsert-email-template-step"

/** A merchant's override of one template (absent fields keep their value). */
export type UpsertEmailTemplateInput = {
  template: EmailTemplateName
  subject?: string | null
  body?: string | null
  enabled?: boolean
}

type Row = { id: string; template: string; subject: string | null; body: string | null; enabled: boolean }

/**
 * Creates or updates the override row of a template. Compensation puts the
 * previous row back (or deletes a row it created).
 */
export const upsertEmailTemplateStep = createStep(
  upsertEmailTemplateStepId,
  async (input: UpsertEmailTemplateInput, { container }) => {
    const service = container.resolve<EmailTemplateModuleService>(PORTICO_EMAIL_TEMPLATE_MODULE)
    const [existing] = (await service.listEmailTemplates({ template: input.template }, { take: 1 })) as Row[]
    const clean = (text: string | null | undefined) => (text === undefined ? undefined : text?.trim() ? text : null)
    const changes = {
      ...(input.subject !== undefined ? { subject: clean(input.subject) } : {}),
      ...(input.body !== undefined ? { body: clean(input.body) } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    }
    if (existing) {
      const updated = (await service.updateEmailTemplates({ id: existing.id, ...changes })) as Row
      return new StepResponse(updated, { created: false, previous: existing })
    }
    const created = (await service.createEmailTemplates({
      template: input.template,
      subject: null,
      body: null,
      enabled: true,
      ...changes,
    })) as Row
    return new StepResponse(created, { created: true, previous: created })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<EmailTemplateModuleService>(PORTICO_EMAIL_TEMPLATE_MODULE)
    if (undo.created) {
      await service.deleteEmailTemplates(undo.previous.id)
    } else {
      const { id, subject, body, enabled } = undo.previous
      await service.updateEmailTemplates({ id, subject, body, enabled })
    }
  }
)
