/** Fields of an intake form in the admin's list (`GET /admin/portico/intake-forms`). */
export const intakeFormListFields = ["id", "title", "description", "version", "created_at", "updated_at"]

/** Fields of one intake form as the admin edits it: every version with its fields. */
export const intakeFormDetailFields = [
  ...intakeFormListFields,
  "versions.id",
  "versions.version",
  "versions.fields",
  "versions.created_at",
]
