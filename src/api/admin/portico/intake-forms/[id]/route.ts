import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteIntakeFormWorkflow } from "../../../../../workflows/intake/workflows/delete-intake-form"
import { saveIntakeFormWorkflow } from "../../../../../workflows/intake/workflows/save-intake-form"
import { withFieldErrors } from "../../../../utils/domain-errors"
import { adminIntakeForm } from "../helpers"
import type { UpdateIntakeFormBodyType } from "../validators"

/** `GET /admin/portico/intake-forms/:id`: `{ intake_form }` with its current fields, versions and services. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ intake_form: await adminIntakeForm(req.scope, req.params.id) })
}

/**
 * `POST /admin/portico/intake-forms/:id` `{ title?, description?, fields? }`:
 * changed fields become the next version (submissions keep the version they
 * answered). Returns `{ intake_form }`.
 */
export const POST = withFieldErrors(async (req: AuthenticatedMedusaRequest<UpdateIntakeFormBodyType>, res: MedusaResponse) => {
  await saveIntakeFormWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.json({ intake_form: await adminIntakeForm(req.scope, req.params.id) })
})

/**
 * `DELETE /admin/portico/intake-forms/:id`: `{ id, object: "intake_form", deleted: true }`;
 * 400 `form_in_use` while a service asks for the form.
 */
export const DELETE = withFieldErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteIntakeFormWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "intake_form", deleted: true })
})
