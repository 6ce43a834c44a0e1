import { ArrowDownMini, ArrowUpMini, ChevronDownMini, ChevronUpMini, Trash } from "@medusajs/icons"
import { Badge, clx, IconButton, Input, Select, Switch, Text, Textarea } from "@medusajs/ui"
import { FIELD_LIMITS, FIELD_TYPES, type IntakeFieldType } from "../../lib/intake"
import type { DraftField } from "../../lib/intake-draft"
import { FormField } from "../common/form-field"

/**
 * One field of the form builder: a summary row (type, label, key, required)
 * with move up / down, open / close and remove, and when open its settings:
 * label, key, help text, required, type, and the type's options or limits.
 * The server's errors for the field are shown on their input (and open it).
 */
export const IntakeFieldCard = ({
  field,
  index,
  count,
  open,
  errors,
  onToggle,
  onChange,
  onLabel,
  onMove,
  onRemove,
}: {
  field: DraftField
  index: number
  count: number
  open: boolean
  errors: Record<string, string>
  onToggle: () => void
  onChange: (changes: Partial<DraftField>) => void
  onLabel: (label: string) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}) => {
  const id = (prop: string) => `intake-field-${index}-${prop}`
  const hasErrors = Object.keys(errors).length > 0
  return (
    <div
      className={clx("rounded-lg border", hasErrors ? "border-ui-border-error" : "border-ui-border-base")}
      data-testid="intake-field"
      data-key={field.key}
      data-invalid={hasErrors || undefined}
    >
      <div className="flex items-center gap-x-3 px-4 py-3">
        <button
          type="button"
          className="flex min-w-0 flex-1 items-center gap-x-3 text-left"
          onClick={onToggle}
          aria-expanded={open}
          data-testid="intake-field-toggle"
        >
          <Badge size="2xsmall" className="shrink-0">
            {FIELD_TYPES[field.type].label}
          </Badge>
          <span className="flex min-w-0 flex-col">
            <Text size="small" weight="plus" className={clx("truncate", !field.label.trim() && "text-ui-fg-muted")}>
              {field.label.trim() || "Untitled field"}
              {field.required && <span className="text-ui-fg-error"> *</span>}
            </Text>
            <span className="txt-compact-xsmall text-ui-fg-subtle truncate font-mono">{field.key}</span>
          </span>
          {hasErrors && !open && (
            <Text size="xsmall" className="text-ui-fg-error shrink-0">
              Needs attention
            </Text>
          )}
        </button>
        <div className="flex shrink-0 items-center gap-x-1">
          <IconButton
            size="small"
            variant="transparent"
            type="button"
            aria-label="Move field up"
            data-testid="intake-field-up"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            <ArrowUpMini />
          </IconButton>
          <IconButton
            size="small"
            variant="transparent"
            type="button"
            aria-label="Move field down"
            data-testid="intake-field-down"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            <ArrowDownMini />
          </IconButton>
          <IconButton
            size="small"
            variant="transparent"
            type="button"
            aria-label={open ? "Close field settings" : "Edit field"}
            onClick={onToggle}
          >
            {open ? <ChevronUpMini /> : <ChevronDownMini />}
          </IconButton>
          <IconButton
            size="small"
            variant="transparent"
            type="button"
            aria-label="Remove field"
            data-testid="intake-field-remove"
            onClick={onRemove}
          >
            <Trash />
          </IconButton>
        </div>
      </div>

      {open && (
        <div className="border-ui-border-base flex flex-col gap-y-4 border-t px-4 py-4" data-testid="intake-field-settings">
          {errors._ && (
            <Text size="small" className="text-ui-fg-error">
              {errors._}
            </Text>
          )}
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <FormField id={id("label")} label="Label" error={errors.label}>
              <Input
                id={id("label")}
                data-testid="intake-field-label"
                value={field.label}
                maxLength={200}
                aria-invalid={!!errors.label || undefined}
                onChange={(e) => onLabel(e.target.value)}
              />
            </FormField>
            <FormField
              id={id("key")}
              label="Key"
              hint="Names the answer: lowercase letters, digits and _, starting with a letter."
              error={errors.key}
            >
              <Input
                id={id("key")}
                data-testid="intake-field-key"
                className="font-mono"
                value={field.key}
                maxLength={40}
                aria-invalid={!!errors.key || undefined}
                onChange={(e) => onChange({ key: e.target.value, keyEdited: true })}
              />
            </FormField>
          </div>
          <FormField id={id("help_text")} label="Help text" optional hint="Shown under the question." error={errors.help_text}>
            <Textarea
              id={id("help_text")}
              data-testid="intake-field-help"
              rows={2}
              maxLength={1000}
              value={field.help_text}
              onChange={(e) => onChange({ help_text: e.target.value })}
            />
          </FormField>
          <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
            <FormField id={id("type")} label="Type" error={errors.type}>
              <Select value={field.type} onValueChange={(v) => onChange({ type: v as IntakeFieldType })}>
                <Select.Trigger id={id("type")} data-testid="intake-field-type">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {(Object.keys(FIELD_TYPES) as IntakeFieldType[]).map((t) => (
                    <Select.Item key={t} value={t}>
                      {FIELD_TYPES[t].label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
            <div className="flex items-start justify-between gap-x-4 pt-6">
              <label htmlFor={id("required")} className="flex flex-col">
                <Text size="small" weight="plus" leading="compact">
                  Required
                </Text>
                <Text size="small" className={errors.required ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                  {errors.required ??
                    (field.type === "checkbox" ? "The client must tick it (e.g. to accept terms)." : "The client must answer.")}
                </Text>
              </label>
              <Switch
                id={id("required")}
                data-testid="intake-field-required"
                checked={field.required}
                onCheckedChange={(v) => onChange({ required: v })}
              />
            </div>
          </div>
          <TypeSettings field={field} id={id} errors={errors} onChange={onChange} />
        </div>
      )}
    </div>
  )
}

const TypeSettings = ({
  field,
  id,
  errors,
  onChange,
}: {
  field: DraftField
  id: (prop: string) => string
  errors: Record<string, string>
  onChange: (changes: Partial<DraftField>) => void
}) => {
  const numberInput = (prop: keyof DraftField, label: string, hint?: string, placeholder?: string) => (
    <FormField id={id(prop)} label={label} optional hint={hint} error={errors[prop]}>
      <Input
        id={id(prop)}
        data-testid={`intake-field-${prop}`}
        type="number"
        value={field[prop] as string}
        placeholder={placeholder}
        aria-invalid={!!errors[prop] || undefined}
        onChange={(e) => onChange({ [prop]: e.target.value })}
      />
    </FormField>
  )
  switch (field.type) {
    case "text":
    case "long_text":
      return (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {numberInput("min_length", "Minimum length", "In characters.", "0")}
          {numberInput(
            "max_length",
            "Maximum length",
            `In characters, at most ${FIELD_LIMITS[field.type].max_length}.`,
            String(FIELD_LIMITS[field.type].max_length)
          )}
        </div>
      )
    case "number":
      return (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {numberInput("min", "Minimum")}
          {numberInput("max", "Maximum")}
        </div>
      )
    case "date":
      return (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {(["min_date", "max_date"] as const).map((prop) => (
            <FormField
              key={prop}
              id={id(prop)}
              label={prop === "min_date" ? "Earliest date" : "Latest date"}
              optional
              error={errors[prop]}
            >
              <Input
                id={id(prop)}
                data-testid={`intake-field-${prop}`}
                type="date"
                value={field[prop]}
                aria-invalid={!!errors[prop] || undefined}
                onChange={(e) => onChange({ [prop]: e.target.value })}
              />
            </FormField>
          ))}
          <div className="flex items-start justify-between gap-x-4 md:col-span-2">
            <label htmlFor={id("not_in_past")} className="flex flex-col">
              <Text size="small" weight="plus" leading="compact">
                Not in the past
              </Text>
              <Text size="small" className={errors.not_in_past ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                {errors.not_in_past ?? "The earliest day is the day the client answers (e.g. a deadline or a start date)."}
              </Text>
            </label>
            <Switch
              id={id("not_in_past")}
              data-testid="intake-field-not-in-past"
              checked={field.not_in_past}
              onCheckedChange={(v) => onChange({ not_in_past: v })}
            />
          </div>
        </div>
      )
    case "select":
    case "multi_select":
      return (
        <FormField
          id={id("options")}
          label="Options"
          hint="One option per line (up to 50)."
          error={errors.options}
        >
          <Textarea
            id={id("options")}
            data-testid="intake-field-options"
            rows={Math.min(10, Math.max(3, field.options.split("\n").length + 1))}
            value={field.options}
            aria-invalid={!!errors.options || undefined}
            onChange={(e) => onChange({ options: e.target.value })}
          />
        </FormField>
      )
    case "file":
      return (
        <div className="flex flex-col gap-4">
          <FormField
            id={id("accept")}
            label="Accepted file types"
            optional
            hint="Extensions or MIME types separated by commas, e.g. .pdf, .docx, image/*. Empty: any file."
            error={errors.accept}
          >
            <Input
              id={id("accept")}
              data-testid="intake-field-accept"
              value={field.accept}
              placeholder="Any file"
              aria-invalid={!!errors.accept || undefined}
              onChange={(e) => onChange({ accept: e.target.value })}
            />
          </FormField>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {numberInput(
              "max_size_mb",
              "Maximum size per file (MB)",
              `1 to ${FIELD_LIMITS.file.max_size_mb_max}.`,
              String(FIELD_LIMITS.file.max_size_mb)
            )}
            {numberInput(
              "max_files",
              "Maximum number of files",
              `1 to ${FIELD_LIMITS.file.max_files_max}.`,
              String(FIELD_LIMITS.file.max_files)
            )}
          </div>
        </div>
      )
    default:
      return null
  }
}
