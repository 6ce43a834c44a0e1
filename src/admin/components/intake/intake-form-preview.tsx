import { Button, Checkbox, Input, Label, Select, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { IntakeFieldsSchema, validateIntake, type IncomingFile } from "../../../contracts/intake"
import { FIELD_LIMITS, type IntakeField } from "../../lib/intake"

/** What the preview's controls hold: text as typed, options picked, the box ticked, files picked. */
type PreviewValues = Record<string, string | string[] | boolean | undefined>
type PreviewFiles = Record<string, IncomingFile[]>

/**
 * A live preview of an intake form as the client meets it (the storefront
 * styles it its own way): each question's label, help text and control with
 * its limits. The controls can be tried, and "Check answers" runs the
 * server's own validation (`validateIntake` of Portico's contracts, the
 * function the intake route runs) on them, so the merchant sees what a
 * client would be told. Nothing is sent.
 */
export const IntakeFormPreview = ({
  title,
  description,
  fields,
}: {
  title: string
  description: string
  fields: IntakeField[]
}) => {
  const [values, setValues] = useState<PreviewValues>({})
  const [files, setFiles] = useState<PreviewFiles>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [checked, setChecked] = useState<string | null>(null)

  const set = (key: string, value: PreviewValues[string]) => {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => (e[key] ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e))
    setChecked(null)
  }

  const check = () => {
    // Answers are checked against the fields as the server would save them.
    const parsed = IntakeFieldsSchema.safeParse(fields)
    if (!parsed.success) {
      setErrors({})
      setChecked("Fix the form's fields first: the answers are checked against the saved form.")
      return
    }
    const keys = new Set(parsed.data.map((f) => f.key))
    const answers = Object.fromEntries(
      Object.entries(values).filter(([key, value]) => keys.has(key) && value !== undefined && parsed.data.find((f) => f.key === key)?.type !== "file")
    )
    const result = validateIntake(
      parsed.data,
      answers,
      Object.entries(files).flatMap(([key, list]) => (keys.has(key) ? list : []))
    )
    const found: Record<string, string> = {}
    if (!result.ok) {
      for (const e of result.errors) {
        found[e.field.replace(/^answers\./, "")] ??= `${e.message} (${e.code})`
      }
    }
    setErrors(found)
    setChecked(result.ok ? "These answers would be accepted." : "The server would refuse these answers: see the fields.")
  }

  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="intake-form-preview">
      <div>
        <Text size="base" weight="plus">
          {title.trim() || "Untitled form"}
        </Text>
        {description.trim() && (
          <Text size="small" className="text-ui-fg-subtle whitespace-pre-wrap">
            {description.trim()}
          </Text>
        )}
      </div>
      {fields.length ? (
        <>
          {fields.map((field, i) => (
            <PreviewField
              key={`${i}-${field.key}`}
              field={field}
              id={`preview-${i}`}
              value={values[field.key]}
              error={errors[field.key]}
              onChange={(v) => set(field.key, v)}
              onFiles={(list) => {
                setFiles((f) => ({ ...f, [field.key]: list }))
                set(field.key, undefined)
              }}
            />
          ))}
          <div className="flex items-center gap-x-3">
            <Button type="button" size="small" variant="secondary" onClick={check} data-testid="intake-preview-check">
              Check answers
            </Button>
            {checked && (
              <Text size="small" className="text-ui-fg-subtle" data-testid="intake-preview-result">
                {checked}
              </Text>
            )}
          </div>
        </>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          Add fields to see them here.
        </Text>
      )}
    </div>
  )
}

const numberOrUndefined = (v: unknown) => (typeof v === "number" ? v : undefined)

/** Today (local), `yyyy-mm-dd`. */
const today = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
}

/** The earliest day a date field offers: its earliest date, or today when it is "not in the past" and later. */
const earliestDay = (field: IntakeField) => {
  const min = field.min_date ?? undefined
  if (!field.not_in_past) return min
  const t = today()
  return min && min > t ? min : t
}

const PreviewField = ({
  field,
  id,
  value,
  error,
  onChange,
  onFiles,
}: {
  field: IntakeField
  id: string
  value: PreviewValues[string]
  error?: string
  onChange: (value: PreviewValues[string]) => void
  onFiles: (files: IncomingFile[]) => void
}) => {
  const text = typeof value === "string" ? value : ""
  const picked = Array.isArray(value) ? value : []
  const label = (
    <Label htmlFor={id} size="small" weight="plus">
      {field.label || "Untitled field"}
      {field.required ? <span className="text-ui-fg-error"> *</span> : <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
  )
  const help = field.help_text ? (
    <Text size="xsmall" className="text-ui-fg-subtle whitespace-pre-wrap">
      {field.help_text}
    </Text>
  ) : null

  const errorText = error ? (
    <Text size="xsmall" className="text-ui-fg-error" data-testid={`intake-preview-error-${field.key}`}>
      {error}
    </Text>
  ) : null

  if (field.type === "checkbox") {
    return (
      <div className="flex items-start gap-x-2">
        <Checkbox id={id} className="mt-0.5" checked={value === true} onCheckedChange={(c) => onChange(c === true)} />
        <div className="flex flex-col gap-y-1">
          {label}
          {help}
          {errorText}
        </div>
      </div>
    )
  }

  let control
  switch (field.type) {
    case "long_text":
      control = (
        <Textarea
          id={id}
          rows={3}
          maxLength={numberOrUndefined(field.max_length) ?? FIELD_LIMITS.long_text.max_length}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      )
      break
    case "select":
      control = (
        <Select value={text} onValueChange={(v) => onChange(v)}>
          <Select.Trigger id={id}>
            <Select.Value placeholder="Choose…" />
          </Select.Trigger>
          <Select.Content>
            {(field.options ?? []).map((o, i) => (
              <Select.Item key={`${i}-${o}`} value={o}>
                {o}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      )
      break
    case "multi_select":
      control = (
        <div className="flex flex-col gap-y-2" id={id}>
          {(field.options ?? []).map((o, i) => (
            <div key={`${i}-${o}`} className="flex items-center gap-x-2">
              <Checkbox
                id={`${id}-${i}`}
                checked={picked.includes(o)}
                onCheckedChange={(c) => onChange((field.options ?? []).filter((x) => (x === o ? c === true : picked.includes(x))))}
              />
              <Label htmlFor={`${id}-${i}`} size="small">
                {o}
              </Label>
            </div>
          ))}
        </div>
      )
      break
    case "file": {
      const rules = [
        field.accept?.length ? field.accept.join(", ") : "Any file type",
        `up to ${numberOrUndefined(field.max_size_mb) ?? FIELD_LIMITS.file.max_size_mb} MB each`,
        `${numberOrUndefined(field.max_files) ?? FIELD_LIMITS.file.max_files} file(s) at most`,
      ]
      control = (
        <div className="border-ui-border-strong flex flex-col items-center gap-y-1 rounded-lg border border-dashed px-4 py-4 text-center">
          <input
            id={id}
            type="file"
            multiple
            className="text-ui-fg-subtle txt-small"
            onChange={(e) =>
              onFiles(
                Array.from(e.target.files ?? []).map((f) => ({
                  field: field.key,
                  filename: f.name,
                  mime_type: f.type || "application/octet-stream",
                  size: f.size,
                }))
              )
            }
          />
          <Text size="xsmall" className="text-ui-fg-subtle">
            {rules.join(" · ")}
          </Text>
        </div>
      )
      break
    }
    default:
      control = (
        <Input
          id={id}
          type={field.type === "number" ? "number" : field.type === "email" ? "email" : field.type === "url" ? "url" : field.type === "date" ? "date" : "text"}
          min={field.type === "number" ? numberOrUndefined(field.min) : field.type === "date" ? earliestDay(field) : undefined}
          max={field.type === "number" ? numberOrUndefined(field.max) : field.type === "date" ? field.max_date ?? undefined : undefined}
          maxLength={field.type === "text" ? numberOrUndefined(field.max_length) ?? FIELD_LIMITS.text.max_length : undefined}
          placeholder={field.type === "url" ? "https://" : undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      )
  }
  return (
    <div className="flex flex-col gap-y-2">
      {label}
      {help}
      {control}
      {errorText}
    </div>
  )
}
