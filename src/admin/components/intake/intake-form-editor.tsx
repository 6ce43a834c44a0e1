import { ArrowUpRightOnBox, Plus } from "@medusajs/icons"
import { Badge, Button, Container, DropdownMenu, Heading, Input, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useMemo, useState, type FormEvent } from "react"
import { Link, useNavigate } from "react-router-dom"
import type { AdminUpdateIntakeFormBody } from "../../../contracts/http"
import { fieldErrorsOf, portico, PorticoApiError } from "../../lib/api"
import { formatDateTime } from "../../lib/format"
import { FIELD_TYPES, type AdminIntakeForm, type IntakeFieldType } from "../../lib/intake"
import {
  draftOf,
  errorsOfField,
  fieldOf,
  newDraftField,
  withLabel,
  type DraftField,
  type DraftForm,
} from "../../lib/intake-draft"
import { porticoKeys } from "../../lib/query-keys"
import { FormField } from "../common/form-field"
import { IntakeFieldCard } from "./intake-field-card"
import { IntakeFormPreview } from "./intake-form-preview"

const draftFormOf = (form: AdminIntakeForm | undefined): DraftForm => ({
  title: form?.title ?? "",
  description: form?.description ?? "",
  fields: (form?.fields ?? []).map(draftOf),
})

/** The request body's parts of a draft (what "dirty" compares). */
const bodyOf = (draft: DraftForm) => ({
  title: draft.title.trim(),
  description: draft.description.trim() || null,
  fields: draft.fields.map(fieldOf),
})

/**
 * The intake form builder (a new form when `form` is absent): title,
 * description and the ordered fields (add by type, move, remove, edit each
 * field's settings), with a live preview, the form's versions and the
 * services that use it. Saving a change to the fields makes a new version;
 * submissions keep the version they answered. The server's refusals are shown
 * on their field (`fields.<index>.<prop>`), the field opened.
 */
export const IntakeFormEditor = ({ form }: { form?: AdminIntakeForm }) => {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const prompt = usePrompt()
  const initial = useMemo(() => draftFormOf(form), [form])
  const [draft, setDraft] = useState<DraftForm>(initial)
  const [open, setOpen] = useState<Set<string>>(() => new Set(form ? [] : initial.fields.map((f) => f.uid)))
  const [errors, setErrors] = useState<Record<string, string>>({})

  const body = useMemo(() => bodyOf(draft), [draft])
  const saved = useMemo(() => bodyOf(initial), [initial])
  const fieldsChanged = JSON.stringify(body.fields) !== JSON.stringify(saved.fields)
  const dirty = !form || fieldsChanged || body.title !== saved.title || body.description !== saved.description

  const setFields = (update: (fields: DraftField[]) => DraftField[]) => {
    setDraft((d) => ({ ...d, fields: update(d.fields) }))
    // Field errors are by position: they no longer match once fields move.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("fields"))))
  }
  const toggle = (uid: string) =>
    setOpen((o) => {
      const next = new Set(o)
      if (next.has(uid)) next.delete(uid)
      else next.add(uid)
      return next
    })

  const add = (type: IntakeFieldType) => {
    const field = newDraftField(
      type,
      draft.fields.map((f) => f.key)
    )
    const index = draft.fields.length
    setFields((fields) => [...fields, field])
    setOpen((o) => new Set(o).add(field.uid))
    // Once rendered, the new field's label is where the merchant types next.
    setTimeout(() => document.getElementById(`intake-field-${index}-label`)?.focus(), 50)
  }
  const move = (index: number, by: -1 | 1) =>
    setFields((fields) => {
      const next = [...fields]
      ;[next[index], next[index + by]] = [next[index + by], next[index]]
      return next
    })
  const remove = (index: number) => setFields((fields) => fields.filter((_, i) => i !== index))
  const change = (index: number, changes: Partial<DraftField>) =>
    setDraft((d) => ({ ...d, fields: d.fields.map((f, i) => (i === index ? { ...f, ...changes } : f)) }))
  const relabel = (index: number, label: string) =>
    setDraft((d) => ({
      ...d,
      fields: d.fields.map((f, i) =>
        i === index
          ? withLabel(
              f,
              label,
              d.fields.filter((_, j) => j !== index).map((o) => o.key)
            )
          : f
      ),
    }))

  const save = useMutation({
    mutationFn: () => {
      if (!form) {
        return portico.admin.intakeForms.create({
          title: body.title,
          ...(body.description ? { description: body.description } : {}),
          fields: body.fields,
        })
      }
      const changes: AdminUpdateIntakeFormBody = {}
      if (body.title !== saved.title) changes.title = body.title
      if (body.description !== saved.description) changes.description = body.description
      if (fieldsChanged) changes.fields = body.fields
      return portico.admin.intakeForms.update(form.id, changes)
    },
    onSuccess: async ({ intake_form }) => {
      setErrors({})
      queryClient.setQueryData(porticoKeys.intakeForm(intake_form.id), { intake_form })
      await queryClient.invalidateQueries({ queryKey: porticoKeys.intakeForms, refetchType: "none" })
      if (!form) {
        toast.success(`Intake form "${intake_form.title}" created`)
        navigate(`/intake-forms/${intake_form.id}`, { replace: true })
      } else {
        toast.success(
          intake_form.version !== form.version
            ? `Intake form saved as version ${intake_form.version}`
            : "Intake form saved"
        )
      }
    },
    onError: (error) => {
      const byField = fieldErrorsOf(error)
      setErrors(byField)
      // Open every field the server has something to say about.
      const withErrors = draft.fields.filter((_, i) => Object.keys(errorsOfField(byField, i)).length)
      if (withErrors.length) {
        setOpen((o) => new Set([...o, ...withErrors.map((f) => f.uid)]))
        // The first field in error may be far below the Save button.
        setTimeout(
          () => document.querySelector('[data-testid="intake-field"][data-invalid="true"]')?.scrollIntoView({ block: "center" }),
          50
        )
        toast.error("The form was not saved", { description: "Check the fields marked in red." })
        return
      }
      const shown = byField.title || byField.description || byField.fields
      if (!shown || !(error instanceof PorticoApiError)) {
        toast.error(error.message)
      }
    },
  })

  const destroy = useMutation({
    mutationFn: () => portico.admin.intakeForms.delete(form!.id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: porticoKeys.intakeForm(form!.id) })
      await queryClient.invalidateQueries({ queryKey: porticoKeys.intakeForms })
      toast.success(`Intake form "${form!.title}" deleted`)
      navigate("/intake-forms", { replace: true })
    },
    onError: (error) => {
      if (error instanceof PorticoApiError && error.code === "form_in_use") {
        const names = form?.services.map((s) => `"${s.title}"`).join(", ")
        toast.error("This form is still in use", {
          description: names
            ? `${names} ${form!.services.length === 1 ? "uses" : "use"} it. Choose another intake form (or none) in their Service settings first.`
            : error.message,
        })
      } else {
        toast.error(error.message)
      }
    },
  })

  const confirmDelete = async () => {
    if (!form) return
    const confirmed = await prompt({
      title: `Delete "${form.title}"?`,
      description: form.services.length
        ? `${form.services.length === 1 ? "A service uses" : `${form.services.length} services use`} this form: it cannot be deleted until they use another one.`
        : "The form and its versions are deleted. Answers clients already gave are kept with their service orders.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) {
      destroy.mutate()
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!save.isPending) {
      save.mutate()
    }
  }

  const saveNote = !form
    ? "The form is saved as version 1."
    : fieldsChanged
      ? `Saving creates version ${form.version + 1}. Service orders already submitted keep the version they answered.`
      : "Changing the fields creates a new version; service orders already submitted keep the version they answered."

  const actions = (testId: string) => (
    <div className="flex items-center gap-x-2">
      {form && dirty && (
        <Button
          size="small"
          variant="secondary"
          type="button"
          onClick={() => {
            setDraft(initial)
            setErrors({})
          }}
        >
          Discard
        </Button>
      )}
      <Button size="small" type="submit" disabled={!dirty} isLoading={save.isPending} data-testid={testId}>
        {form ? "Save" : "Create form"}
      </Button>
    </div>
  )

  return (
    <form onSubmit={submit} className="flex w-full flex-col gap-y-3 xl:flex-row xl:items-start xl:gap-x-4" data-testid="intake-form-editor">
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="flex items-start justify-between gap-x-4 px-6 py-4">
            <div className="min-w-0">
              <div className="flex items-center gap-x-2">
                <Heading level="h1" className="truncate" data-testid="intake-form-heading">
                  {form ? form.title : "New intake form"}
                </Heading>
                {form && (
                  <Badge size="2xsmall" data-testid="intake-form-version">
                    Version {form.version}
                  </Badge>
                )}
              </div>
              <Text size="small" className="text-ui-fg-subtle" data-testid="intake-form-save-note">
                {saveNote}
              </Text>
            </div>
            <div className="flex shrink-0 items-center gap-x-2">
              {form && (
                <Button
                  size="small"
                  variant="secondary"
                  type="button"
                  onClick={confirmDelete}
                  isLoading={destroy.isPending}
                  data-testid="intake-form-delete"
                >
                  Delete
                </Button>
              )}
              {actions("intake-form-save")}
            </div>
          </div>
          <div className="flex flex-col gap-y-4 px-6 py-4">
            <FormField id="intake-form-title" label="Title" hint="Clients see it above the questions." error={errors.title}>
              <Input
                id="intake-form-title"
                data-testid="intake-form-title"
                value={draft.title}
                autoFocus={!form}
                aria-invalid={!!errors.title || undefined}
                onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))}
              />
            </FormField>
            <FormField
              id="intake-form-description"
              label="Description"
              optional
              hint="An introduction shown to the client before the questions."
              error={errors.description}
            >
              <Textarea
                id="intake-form-description"
                data-testid="intake-form-description"
                rows={3}
                value={draft.description}
                onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
              />
            </FormField>
          </div>
        </Container>

        <Container className="divide-y p-0">
          <div className="flex items-center justify-between gap-x-4 px-6 py-4">
            <div>
              <Heading level="h2">Fields</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                The questions, in the order the client answers them.
              </Text>
            </div>
            <AddFieldMenu onAdd={add} />
          </div>
          <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="intake-fields">
            {errors.fields && (
              <Text size="small" className="text-ui-fg-error" data-testid="intake-fields-error">
                {errors.fields}
              </Text>
            )}
            {draft.fields.length ? (
              draft.fields.map((field, index) => (
                <IntakeFieldCard
                  key={field.uid}
                  field={field}
                  index={index}
                  count={draft.fields.length}
                  open={open.has(field.uid)}
                  errors={errorsOfField(errors, index)}
                  onToggle={() => toggle(field.uid)}
                  onChange={(changes) => change(index, changes)}
                  onLabel={(label) => relabel(index, label)}
                  onMove={(by) => move(index, by)}
                  onRemove={() => remove(index)}
                />
              ))
            ) : (
              <Text size="small" className="text-ui-fg-subtle" data-testid="intake-fields-empty">
                No fields yet. Use “Add field” to ask the client a first question.
              </Text>
            )}
          </div>
          <div className="flex items-center justify-between gap-x-4 px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle">
              {dirty ? (form ? "Unsaved changes." : "") : "All changes saved."}
            </Text>
            {actions("intake-form-save-bottom")}
          </div>
        </Container>
      </div>

      <div className="flex w-full flex-col gap-y-3 xl:max-w-[400px]">
        {form && (
          <Container className="divide-y p-0" data-testid="intake-form-services">
            <div className="px-6 py-4">
              <Heading level="h2">Used by</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Services whose clients answer this form. Choose a service&apos;s form in its Service settings.
              </Text>
            </div>
            {form.services.length ? (
              <ul className="flex flex-col gap-y-2 px-6 py-4">
                {form.services.map((s) => (
                  <li key={s.product_id}>
                    <Link
                      to={`/products/${s.product_id}`}
                      className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover flex items-center gap-x-1"
                      data-testid="intake-form-service"
                    >
                      {s.title}
                      <ArrowUpRightOnBox />
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <Text size="small" className="text-ui-fg-subtle px-6 py-4">
                No service uses this form yet.
              </Text>
            )}
          </Container>
        )}
        {form && (
          <Container className="divide-y p-0" data-testid="intake-form-versions">
            <div className="px-6 py-4">
              <Heading level="h2">Versions</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Each change to the fields is a new version. Submissions keep the version they answered.
              </Text>
            </div>
            <ul className="flex flex-col gap-y-2 px-6 py-4">
              {[...form.versions]
                .sort((a, b) => b.version - a.version)
                .map((v) => (
                  <li key={v.id} className="flex items-center justify-between gap-x-4" data-testid="intake-form-version-row">
                    <span className="flex items-center gap-x-2">
                      <Text size="small" weight="plus">
                        Version {v.version}
                      </Text>
                      {v.version === form.version && (
                        <Badge size="2xsmall" color="green">
                          Current
                        </Badge>
                      )}
                    </span>
                    <Text size="small" className="text-ui-fg-subtle">
                      {formatDateTime(v.created_at)}
                    </Text>
                  </li>
                ))}
            </ul>
          </Container>
        )}
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Preview</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              What the client fills in (unsaved changes included).
            </Text>
          </div>
          <IntakeFormPreview title={draft.title} description={draft.description} fields={body.fields} />
        </Container>
      </div>
    </form>
  )
}

const AddFieldMenu = ({ onAdd }: { onAdd: (type: IntakeFieldType) => void }) => (
  <DropdownMenu>
    <DropdownMenu.Trigger asChild>
      <Button size="small" variant="secondary" type="button" data-testid="intake-add-field">
        <Plus />
        Add field
      </Button>
    </DropdownMenu.Trigger>
    {/* Focus goes to the new field's label, not back to this button. */}
    <DropdownMenu.Content align="end" className="min-w-[260px]" onCloseAutoFocus={(e) => e.preventDefault()}>
      {(Object.keys(FIELD_TYPES) as IntakeFieldType[]).map((type) => (
        <DropdownMenu.Item key={type} onClick={() => onAdd(type)} data-testid={`intake-add-${type}`}>
          <span className="flex flex-col">
            <span className="txt-compact-small-plus">{FIELD_TYPES[type].label}</span>
            <span className="txt-compact-xsmall text-ui-fg-subtle">{FIELD_TYPES[type].description}</span>
          </span>
        </DropdownMenu.Item>
      ))}
    </DropdownMenu.Content>
  </DropdownMenu>
)
