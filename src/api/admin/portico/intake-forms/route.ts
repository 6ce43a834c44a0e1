import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { IntakeField } from "../../../../modules/intake/schema"
import { saveIntakeFormWorkflow } from "../../../../workflows/intake/workflows/save-intake-form"
import { withFieldErrors } from "../../../utils/domain-errors"
import { adminIntakeForm } from "./helpers"
import { intakeFormListFields } from "./query-config"
import type { CreateIntakeFormBodyType, IntakeFormListParamsType } from "./validators"

/**
 * `GET /admin/portico/intake-forms?q=&limit=&offset=`: intake forms by title,
 * newest first: `{ intake_forms: [{ id, title, description, version,
 * field_count, created_at, updated_at }], count, limit, offset }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, IntakeFormListParamsType>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { skip, take } = req.queryConfig.pagination
  const q = req.validatedQuery.q
  const { data: forms, metadata } = await query.graph({
    entity: "intake_form",
    fields: intakeFormListFields,
    filters: q ? { title: { $ilike: `%${q}%` } } : {},
    pagination: { skip, take, order: { created_at: "DESC" } },
  })
  const { data: versions } = forms.length
    ? await query.graph({
        entity: "intake_form_version",
        fields: ["form_id", "fields"],
        filters: { $or: forms.map((f) => ({ form_id: f.id, version: f.version })) },
      })
    : { data: [] as { form_id: string; fields: unknown }[] }
  const fieldCount = new Map(versions.map((v) => [v.form_id, (v.fields as unknown as IntakeField[]).length]))
  res.json({
    intake_forms: forms.map((f) => ({ ...f, field_count: fieldCount.get(f.id) ?? 0 })),
    count: metadata?.count ?? forms.length,
    limit: take,
    offset: skip,
  })
}

/**
 * `POST /admin/portico/intake-forms` `{ title, description?, fields }`:
 * creates a form (version 1). Bad field definitions get 400 with one error per
 * field (`fields.2.options`, `fields.0.key` `duplicate_key`). Returns `{ intake_form }`.
 */
export const POST = withFieldErrors(async (req: AuthenticatedMedusaRequest<CreateIntakeFormBodyType>, res: MedusaResponse) => {
  const { result } = await saveIntakeFormWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ intake_form: await adminIntakeForm(req.scope, result.id) })
})
