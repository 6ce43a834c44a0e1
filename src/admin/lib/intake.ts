import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { FIELD_KEY_PATTERN, FILE_LIMITS, TEXT_LIMITS, type IntakeFieldType } from "../../contracts/intake"
import { portico } from "./api"
import { porticoKeys } from "./query-keys"

export type { IntakeField, IntakeFieldType } from "../../contracts/intake"
export type { AdminIntakeForm, AdminIntakeFormSummary, IntakeState } from "../../contracts/http"

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

/** Server defaults and bounds of the per-type limits (Portico's contracts). */
export const FIELD_LIMITS = {
  text: { max_length: TEXT_LIMITS.text },
  long_text: { max_length: TEXT_LIMITS.long_text },
  file: {
    max_size_mb: FILE_LIMITS.default_size_mb,
    max_size_mb_max: FILE_LIMITS.max_size_mb,
    max_files: FILE_LIMITS.default_files,
    max_files_max: FILE_LIMITS.max_files,
  },
  key: FIELD_KEY_PATTERN,
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
    queryFn: () => portico.admin.intakeForms.list(query),
    placeholderData: keepPreviousData,
  })
}

/** One intake form, current version. */
export function useIntakeForm(id: string | undefined) {
  return useQuery({
    queryKey: porticoKeys.intakeForm(id ?? ""),
    queryFn: () => portico.admin.intakeForms.retrieve(id!),
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
