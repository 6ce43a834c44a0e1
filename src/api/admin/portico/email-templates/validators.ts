import { z } from "@medusajs/framework/zod"
import { SingleLine } from "../../../utils/body-primitives"

/** `POST /admin/portico/email-templates/:template`: the merchant's override (absent fields are kept; null = default). */
export const UpsertEmailTemplateBody = z
  .object({
    subject: SingleLine.max(300).nullable().optional(),
    body: z.string().max(20_000).nullable().optional(),
    /** false: keep the text but send the default email. */
    enabled: z.boolean().optional(),
  })
  .strict()
export type UpsertEmailTemplateBodyType = z.infer<typeof UpsertEmailTemplateBody>

/** `POST /admin/portico/email-templates/:template/preview`: the override to preview (empty = default). */
export const PreviewEmailTemplateBody = z
  .object({
    subject: SingleLine.max(300).nullable().optional(),
    body: z.string().max(20_000).nullable().optional(),
  })
  .strict()
export type PreviewEmailTemplateBodyType = z.infer<typeof PreviewEmailTemplateBody>
