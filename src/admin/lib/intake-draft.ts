import { keyFromLabel, uniqueKey, type IntakeField, type IntakeFieldType } from "./intake"

/**
 * One field as the form builder edits it: every input as typed (numbers and
 * dates as text), the limits of every type kept while the merchant switches
 * types, and whether the key was typed (otherwise it follows the label).
 */
export type DraftField = {
  /** Stable React key while fields move. */
  uid: string
  key: string
  keyEdited: boolean
  type: IntakeFieldType
  label: string
  help_text: string
  required: boolean
  /** One option per line. */
  options: string
  min_length: string
  max_length: string
  min: string
  max: string
  min_date: string
  max_date: string
  not_in_past: boolean
  /** Extensions and MIME types separated by commas. */
  accept: string
  max_size_mb: string
  max_files: string
}

export type DraftForm = { title: string; description: string; fields: DraftField[] }

let uidCounter = 0
const nextUid = () => `f${++uidCounter}`

const text = (value: number | string | null | undefined) => (value == null ? "" : String(value))

/** A saved field as a draft (its key is kept as saved: answers are stored under it). */
export function draftOf(field: IntakeField): DraftField {
  return {
    uid: nextUid(),
    key: field.key,
    keyEdited: true,
    type: field.type,
    label: field.label,
    help_text: field.help_text ?? "",
    required: !!field.required,
    options: (field.options ?? []).join("\n"),
    min_length: text(field.min_length),
    max_length: text(field.max_length),
    min: text(field.min),
    max: text(field.max),
    min_date: field.min_date ?? "",
    max_date: field.max_date ?? "",
    not_in_past: !!field.not_in_past,
    accept: (field.accept ?? []).join(", "),
    max_size_mb: text(field.max_size_mb),
    max_files: text(field.max_files),
  }
}

/** A new, empty field of `type` whose key does not clash with `taken`. */
export function newDraftField(type: IntakeFieldType, taken: string[]): DraftField {
  return {
    uid: nextUid(),
    key: uniqueKey(type === "checkbox" ? "confirm" : type, taken),
    keyEdited: false,
    type,
    label: "",
    help_text: "",
    required: false,
    options: "",
    min_length: "",
    max_length: "",
    min: "",
    max: "",
    min_date: "",
    max_date: "",
    not_in_past: false,
    accept: "",
    max_size_mb: "",
    max_files: "",
  }
}

/** `draft` with a new label; an untouched key follows it (kept unique among `others`). */
export function withLabel(draft: DraftField, label: string, others: string[]): DraftField {
  return draft.keyEdited
    ? { ...draft, label }
    : { ...draft, label, key: uniqueKey(label.trim() ? keyFromLabel(label) : draft.type, others) }
}

/**
 * A number field for the request body: nothing when empty, the number when
 * it parses, the text as typed otherwise (so the server names the field).
 */
function numberOf(value: string): number | string | undefined {
  const trimmed = value.trim()
  if (!trimmed) return undefined
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : trimmed
}

/** The definition sent to the server: only the limits of the field's type. */
export function fieldOf(d: DraftField): IntakeField {
  const field: Record<string, unknown> = {
    key: d.key.trim(),
    type: d.type,
    label: d.label.trim(),
    help_text: d.help_text.trim() || null,
    required: d.required,
  }
  switch (d.type) {
    case "text":
    case "long_text":
      field.min_length = numberOf(d.min_length)
      field.max_length = numberOf(d.max_length)
      break
    case "number":
      field.min = numberOf(d.min)
      field.max = numberOf(d.max)
      break
    case "date":
      field.min_date = d.min_date || undefined
      field.max_date = d.max_date || undefined
      field.not_in_past = d.not_in_past || undefined
      break
    case "select":
    case "multi_select": {
      const options = d.options
        .split("\n")
        .map((o) => o.trim())
        .filter(Boolean)
      // None at all: left out, so the server answers "needs at least one option".
      if (options.length) field.options = options
      break
    }
    case "file": {
      const accept = d.accept
        .split(/[,\s]+/)
        .map((a) => a.trim())
        .filter(Boolean)
      if (accept.length) field.accept = accept
      field.max_size_mb = numberOf(d.max_size_mb)
      field.max_files = numberOf(d.max_files)
      break
    }
  }
  for (const k of Object.keys(field)) {
    if (field[k] === undefined) delete field[k]
  }
  return field as IntakeField
}

/**
 * The server's errors of one field, by property (`fields.2.options.1` →
 * `options`), for the field at `index`.
 */
export function errorsOfField(errors: Record<string, string>, index: number): Record<string, string> {
  const prefix = `fields.${index}.`
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(prefix)) {
      const prop = path.slice(prefix.length).split(".")[0]
      out[prop] ??= message
    } else if (path === `fields.${index}`) {
      out._ ??= message
    }
  }
  return out
}
