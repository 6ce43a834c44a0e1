import { IntakeFormEditor } from "../../../components/intake/intake-form-editor"

/** Admin page "New intake form": the form builder on an empty form; saving creates it (version 1). */
const NewIntakeFormPage = () => <IntakeFormEditor />

/** Breadcrumb of the new intake form page. */
export const handle = {
  breadcrumb: () => "New intake form",
}

export default NewIntakeFormPage
