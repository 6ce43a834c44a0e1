import { useParams } from "react-router-dom"
import { IntakeFormEditor } from "../../../components/intake/intake-form-editor"
import { useIntakeForm } from "../../../lib/intake"
import { PagePending } from "../../../components/common/query-state"

/**
 * Admin page of one intake form: the form builder on its current version,
 * with its versions and the services that use it, and delete.
 */
const IntakeFormPage = () => {
  const { id } = useParams()
  const { data, isLoading, error } = useIntakeForm(id)

  if (error || isLoading || !data) {
    return <PagePending error={error} />
  }

  const form = data.intake_form
  // Remounted with the saved form after every save.
  return <IntakeFormEditor key={`${form.id}-${form.version}-${form.updated_at}`} form={form} />
}

/** Breadcrumb of the intake form page. */
export const handle = {
  breadcrumb: () => "Intake form",
}

export default IntakeFormPage
