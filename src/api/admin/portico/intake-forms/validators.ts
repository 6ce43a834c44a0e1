import { listParams } from "../../../utils/validate-query"
import { z } from "@medusajs/framework/zod"
import { IntakeFieldsSchema } from "../../../../contracts/intake"

/** Body of `POST /admin/portico/intake-forms`. */
export const CreateIntakeFormBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(2000).nullable().optional(),
    fields: IntakeFieldsSchema,
  })
  .strict()
export type CreateIntakeFormBodyType = z.infer<typeof CreateIntakeFormBody>

/** Body of `POST /admin/portico/intake-forms/:id`. */
export const UpdateIntakeFormBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    fields: IntakeFieldsSchema.optional(),
  })
  .strict()
export type UpdateIntakeFormBodyType = z.infer<typeof UpdateIntakeFormBody>

/** Query of `GET /admin/portico/intake-forms`. */
export const IntakeFormListParams = listParams({ limit: 20 }).extend({
  q: z.string().trim().max(200).optional(),
})
export type IntakeFormListParamsType = z.infer<typeof IntakeFormListParams>
