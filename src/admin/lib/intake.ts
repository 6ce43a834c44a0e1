import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { porticoFetch } from "./api"
import { porticoKeys } from "./query-keys"

/** The kinds of question an intake form can ask. */
export type IntakeFieldType =
  | "text"
  | "long_text"
  | "number"
  | "email"
  | "url"
  | "date"
  | "select"
  | "multi_select"
  | "checkbox"
  | "file"

/** One question of an intake form version (`fields`, in order). */
export type IntakeField = {
  key: string
  type: IntakeFieldType
  label: string
  help_text?: string | null
  required: boolean
  options?: string[]
  min_length?: number | null
  max_length?: number | null
  min?: number | null
  max?: number | null
  min_date?: string | null
  /** Date fields: no day before the day the client answers. */
  not_in_past?: boolean | null
  max_date?: string | null
  accept?: string[]
  max_size_mb?: number | null
  max_files?: number | null
}

/** An intake form as `GET /admin/portico/intake-forms` lists it. */
export type AdminIntakeFormSummary = {
  id: string
  title: string
  description: string | null
  version: number
  field_count: number
  created_at: string
  updated_at: string
}

/** One intake form with its current version's fields, its versions and the services that use it. */
export type AdminIntakeForm = {
  id: string
  title: string
  description: string | null
  version: number
  fields: IntakeField[]
  versions: { id: string; version: number; created_at: string }[]
  services: { product_id: string; title: string }[]
  created_at: string
  updated_at: string
}

/** The form version a submission answered, and the submission (answers and uploaded files). */
export type IntakeState = {
  form: { id: string; title: string; description: string | null; version: number; fields: IntakeField[] } | null
  submission: {
    id: string
    version: number
    answers: Record<string, unknown>
    files: { field: string; file_id: string; filename: string; mime_type: string; size: number }[]
    created_at: string
  } | null
}

/** Each field type in the merchant's words, in the order the "Add field" menu offers them. */
export const FIELD_TYPES: Record<IntakeFieldType, { label: string; description: string }> = {
  text: { label: "Short text", description: "One line of text" },
  long_text: { label: "Long text", description: "Several lines of text" },
  number: { label: "Number", description: "A number, optionally between limits" },
  email: { label: "Email", description: "An email address" },
  url: { label: "Link", description: "A web address" },
  date: { label: "Date", description: "A day, optionally between limits" },
  select: { label: "Single choice", description: "One option from a list" },
  multi_select: { label: "Multiple choice", description: "Any options from a list" },
  checkbox: { label: "Checkbox", description: "Yes / no; required means it must be ticked" },
  file: { label: "File upload", description: "One or more files" },
}

/** Server defaults and bounds of the per-type limits (`src/modules/intake/schema.ts`). */
export const FIELD_LIMITS = {
  text: { max_length: 500 },
  long_text: { max_length: 10000 },
  file: { max_size_mb: 10, max_size_mb_max: 25, max_files: 1, max_files_max: 10 },
  key: /^[a-z][a-z0-9_]{0,39}$/,
} as const

/**
 * A field key suggested from its label: lowercase ASCII letters, digits and
 * single underscores, starting with a letter, at most 40 characters.
 */
export function keyFromLabel(label: string) {
  const key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[_0-9]+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "")
  return key || "field"
}

/** `key`, or `key_2`, `key_3`, … when another field already has it. */
export function uniqueKey(key: string, taken: Iterable<string>) {
  const used = new Set(taken)
  if (!used.has(key)) {
    return key
  }
  for (let n = 2; ; n++) {
    const suffix = `_${n}`
    const candidate = `${key.slice(0, 40 - suffix.length)}${suffix}`
    if (!used.has(candidate)) {
      return candidate
    }
  }
}

/** A page of intake forms (`q` searches titles). */
export function useIntakeForms(query: { q?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...porticoKeys.intakeForms, "list", query],
    queryFn: () =>
      porticoFetch<{ intake_forms: AdminIntakeFormSummary[]; count: number; limit: number; offset: number }>(
        "/admin/portico/intake-forms",
        { query }
      ),
    placeholderData: keepPreviousData,
  })
}

/** One intake form, current version. */
export function useIntakeForm(id: string | undefined) {
  return useQuery({
    queryKey: porticoKeys.intakeForm(id ?? ""),
    queryFn: () => porticoFetch<{ intake_form: AdminIntakeForm }>(`/admin/portico/intake-forms/${id}`),
    enabled: !!id,
  })
}

/** A file size in bytes as the merchant reads it (`2.4 MB`). */
export function formatBytes(size: number) {
  if (size < 1024) return `${size} B`
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(size < 10 * 1024 ? 1 : 0)} KB`
  return `${(size / 1024 / 1024).toFixed(1)} MB`
}

/** A `YYYY-MM-DD` answer as a local date, without a time-zone shift. */
export function formatDay(day: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return day
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(
    new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  )
}
