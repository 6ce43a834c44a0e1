import { Checkbox, Input, Label, Select, Text, Textarea } from "@medusajs/ui"
import { FIELD_LIMITS, type IntakeField } from "../lib/intake"

/**
 * A live preview of an intake form as the client meets it (the storefront
 * styles it its own way): each question's label, help text and control with
 * its limits. The controls can be tried but nothing is sent.
 */
export const IntakeFormPreview = ({
  title,
  description,
  fields,
}: {
  title: string
  description: string
  fields: IntakeField[]
}) => (
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
      fields.map((field, i) => <PreviewField key={`${i}-${field.key}`} field={field} id={`preview-${i}`} />)
    ) : (
      <Text size="small" className="text-ui-fg-subtle">
        Add fields to see them here.
      </Text>
    )}
  </div>
)

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

const PreviewField = ({ field, id }: { field: IntakeField; id: string }) => {
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

  if (field.type === "checkbox") {
    return (
      <div className="flex items-start gap-x-2">
        <Checkbox id={id} className="mt-0.5" />
        <div className="flex flex-col gap-y-1">
          {label}
          {help}
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
        />
      )
      break
    case "select":
      control = (
        <Select>
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
              <Checkbox id={`${id}-${i}`} />
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
          <Text size="small">Choose files to upload</Text>
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
        />
      )
  }
  return (
    <div className="flex flex-col gap-y-2">
      {label}
      {help}
      {control}
    </div>
  )
}
