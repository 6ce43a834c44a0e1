/**
 * Service orders and intake forms as the storefront shows them: the store
 * API's shapes, statuses in words, and the client-side check of an intake
 * form, which mirrors the server's (`src/modules/intake/schema.ts`): same
 * rules, same limits, same error codes, and one wording of each code for the
 * client's check and the server's answer alike. Pure helpers; the calls live
 * in `lib/data/service-orders.ts`.
 */

export type ServiceOrderStatus = "pending" | "submitted" | "working" | "complete" | "canceled"

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

/** One field of an intake form version. */
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
  max_date?: string | null
  /** No day before the day the client answers. */
  not_in_past?: boolean | null
  accept?: string[]
  max_size_mb?: number | null
  max_files?: number | null
}

/** Today in the browser's (or server's) time zone, `yyyy-mm-dd`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * The earliest day a date field accepts, `yyyy-mm-dd`: the later of its
 * `min_date` and, for a `not_in_past` field, today; undefined when any day is.
 */
export function earliestDate(field: Pick<IntakeField, "min_date" | "not_in_past">, now: Date = new Date()): string | undefined {
  const today = field.not_in_past ? localToday(now) : undefined
  const min = field.min_date ?? undefined
  if (today && min) return today > min ? today : min
  return today ?? min
}

/** `StoreServiceOrder`: one unit of a purchased service. */
export type ServiceOrder = {
  id: string
  order_id: string
  order_display_id: number | null
  line_item_id: string
  unit_index: number
  units: number
  product_id: string | null
  title: string
  variant_title: string | null
  status: ServiceOrderStatus
  intake_form_id: string | null
  /** Pending, with a form for the client to fill. */
  intake_required: boolean
  created_at: string
  updated_at: string
}

export type IntakeFile = { field: string; file_id: string; filename: string; mime_type: string; size: number }

export type IntakeSubmission = {
  id: string
  version: number
  answers: Record<string, unknown>
  files: IntakeFile[]
  created_at: string
}

export type IntakeForm = {
  id: string
  title: string
  description: string | null
  version: number
  fields: IntakeField[]
}

/** `StoreServiceOrderDetail`. */
export type ServiceOrderDetail = ServiceOrder & {
  history: { from_status: string | null; to_status: string; created_at: string }[]
  intake: { form: IntakeForm | null; submission: IntakeSubmission | null }
}

// ---------------------------------------------------------------- statuses

export const STATUS_LABELS: Record<ServiceOrderStatus, string> = {
  pending: "Pending",
  submitted: "Submitted",
  working: "In progress",
  complete: "Complete",
  canceled: "Canceled",
}

/** A status in words ("Submitted"); an unknown one as it came. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as ServiceOrderStatus] ?? status
}

/** What a status means for the client, in one sentence. */
export function statusDescription(order: Pick<ServiceOrder, "status" | "intake_required">): string {
  switch (order.status) {
    case "pending":
      return order.intake_required
        ? "We need a few details from you before we can start."
        : "We will start soon."
    case "submitted":
      return "We have everything we need and will start soon."
    case "working":
      return "We are working on it."
    case "complete":
      return "Done: we have delivered this service."
    case "canceled":
      return "This service order was canceled."
    default:
      return ""
  }
}

/** "Website audit · Premium (1 of 2)" parts: the unit, when a line has several. */
export function unitLabel(order: Pick<ServiceOrder, "unit_index" | "units">): string | undefined {
  return order.units > 1 ? `${order.unit_index} of ${order.units}` : undefined
}

export function serviceOrderTitle(order: Pick<ServiceOrder, "title" | "variant_title">): string {
  return order.variant_title && order.variant_title !== "Default" ? `${order.title} · ${order.variant_title}` : order.title
}

// ---------------------------------------------------------------- limits

/** The server's defaults and ceilings (contract: IntakeField). */
export const TEXT_MAX = 500
export const LONG_TEXT_MAX = 10000
export const FILE_MAX_SIZE_MB = 10
export const FILE_MAX_FILES = 1

export function maxLength(field: IntakeField): number {
  const ceiling = field.type === "long_text" ? LONG_TEXT_MAX : TEXT_MAX
  return Math.min(field.max_length ?? ceiling, ceiling)
}
export const maxFiles = (field: IntakeField) => field.max_files ?? FILE_MAX_FILES
export const maxSizeMb = (field: IntakeField) => field.max_size_mb ?? FILE_MAX_SIZE_MB

// ---------------------------------------------------------------- error words

export type FieldErrorCode =
  | "required"
  | "too_short"
  | "too_long"
  | "too_small"
  | "too_big"
  | "invalid_email"
  | "invalid_url"
  | "invalid_date"
  | "invalid_number"
  | "invalid_option"
  | "invalid_type"
  | "file_type"
  | "file_too_large"
  | "too_many_files"
  | "unknown_field"

/** "March 5, 2026" for "2026-03-05" (read as a calendar date, not in a time zone). */
export function formatDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd)
  if (!m) {
    return ymd
  }
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" })
}

/** ".pdf, .png or images" for an `accept` list. */
export function describeAccept(accept: string[]): string {
  const words = accept.map((a) => {
    if (a.endsWith("/*")) {
      const kind = a.slice(0, -2)
      return kind === "image" ? "images" : kind === "video" ? "videos" : kind === "audio" ? "audio files" : `${kind} files`
    }
    return a
  })
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : (words[0] ?? "")
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/**
 * One field error in words, for a code from the client's check or from the
 * server (`errors[].code`); `fallback` is the server's message for a code
 * this storefront does not know.
 */
export function fieldErrorMessage(field: IntakeField | undefined, code: string, fallback?: string): string {
  const type = field?.type
  switch (code) {
    case "required":
      if (type === "checkbox") return "Please tick this box to continue."
      if (type === "select") return "Please choose an option."
      if (type === "multi_select") return "Please choose at least one option."
      if (type === "file") return "Please attach a file."
      if (type === "date") return "Please choose a date."
      return "Please fill in this field."
    case "too_short":
      return `Please write at least ${plural(field?.min_length ?? 0, "character")}.`
    case "too_long":
      return field ? `Please keep it to ${plural(maxLength(field), "character")} or fewer.` : "This answer is too long."
    case "too_small":
      if (type === "date" && field) {
        const earliest = earliestDate(field)
        if (earliest) return earliest === localToday() ? "Please choose today or a later date." : `Please choose a date on or after ${formatDate(earliest)}.`
      }
      if (field?.min != null) return `Please enter a number of at least ${field.min}.`
      return "This value is too small."
    case "too_big":
      if (type === "date" && field?.max_date) return `Please choose a date on or before ${formatDate(field.max_date)}.`
      if (field?.max != null) return `Please enter a number no greater than ${field.max}.`
      return "This value is too large."
    case "invalid_email":
      return "Please enter an email address, like name@example.com."
    case "invalid_url":
      return "Please enter a web address starting with http:// or https://, like https://example.com."
    case "invalid_date":
      return "Please enter a valid date."
    case "invalid_number":
      return "Please enter a number."
    case "invalid_option":
      return "Please choose from the options listed."
    case "invalid_type":
      return "This answer is not in the expected form."
    case "file_type":
      return field?.accept?.length
        ? `This type of file is not accepted here: please attach ${describeAccept(field.accept)}.`
        : "This type of file is not accepted here."
    case "file_too_large":
      return field ? `Each file must be ${maxSizeMb(field)} MB or smaller.` : "This file is too large."
    case "too_many_files":
      return field ? `Please attach no more than ${plural(maxFiles(field), "file")}.` : "Too many files."
    case "unknown_field":
      return "This form has changed since the page was opened. Please reload the page."
    default:
      return fallback || "Please check this answer."
  }
}

// ---------------------------------------------------------------- the check

/**
 * What the form holds for a field: text-like fields (and number, date,
 * select) a string, multi-select a list, checkbox a boolean, file a list of
 * files.
 */
export type IntakeValue = string | string[] | boolean | File[]

export type FieldError = { code: FieldErrorCode; message: string }

const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

function isDate(value: string): boolean {
  if (!DATE.test(value)) {
    return false
  }
  const [y, m, d] = value.split("-").map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname
  } catch {
    return false
  }
}

/** Whether a file matches an `accept` list (extensions or MIME types, `image/*`); empty = any. */
export function fileAccepted(file: { name: string; type: string }, accept: string[] | undefined): boolean {
  if (!accept?.length) {
    return true
  }
  const name = file.name.toLowerCase()
  const type = (file.type || "").toLowerCase()
  return accept.some((raw) => {
    const a = raw.trim().toLowerCase()
    if (a.startsWith(".")) return name.endsWith(a)
    if (a.endsWith("/*")) return type.startsWith(a.slice(0, -1))
    return type === a
  })
}

/** Whether a value counts as "not answered" (an optional empty field is left out). */
export function isEmpty(value: IntakeValue | undefined): boolean {
  if (value === undefined || value === false) return true
  if (typeof value === "string") return value.trim() === ""
  return Array.isArray(value) && value.length === 0
}

function check(field: IntakeField, value: IntakeValue | undefined): FieldErrorCode | undefined {
  if (isEmpty(value)) {
    return field.required ? "required" : undefined
  }
  switch (field.type) {
    case "text":
    case "long_text": {
      if (typeof value !== "string") return "invalid_type"
      const length = value.trim().length
      if (field.min_length != null && length < field.min_length) return "too_short"
      if (length > maxLength(field)) return "too_long"
      return undefined
    }
    case "email":
      if (typeof value !== "string") return "invalid_type"
      if (value.trim().length > 320 || !EMAIL.test(value.trim())) return "invalid_email"
      return undefined
    case "url":
      if (typeof value !== "string") return "invalid_type"
      if (value.trim().length > 2000 || !isHttpUrl(value.trim())) return "invalid_url"
      return undefined
    case "number": {
      if (typeof value !== "string") return "invalid_type"
      const n = Number(value.trim())
      if (!Number.isFinite(n)) return "invalid_number"
      if (field.min != null && n < field.min) return "too_small"
      if (field.max != null && n > field.max) return "too_big"
      return undefined
    }
    case "date":
      if (typeof value !== "string") return "invalid_type"
      if (!isDate(value)) return "invalid_date"
      if (earliestDate(field) && value < earliestDate(field)!) return "too_small"
      if (field.max_date && value > field.max_date) return "too_big"
      return undefined
    case "select":
      if (typeof value !== "string") return "invalid_type"
      return field.options?.includes(value) ? undefined : "invalid_option"
    case "multi_select":
      if (!Array.isArray(value)) return "invalid_type"
      return value.every((v) => typeof v === "string" && field.options?.includes(v)) ? undefined : "invalid_option"
    case "checkbox":
      return typeof value === "boolean" ? undefined : "invalid_type"
    case "file": {
      if (!Array.isArray(value)) return "invalid_type"
      const files = value as File[]
      if (files.length > maxFiles(field)) return "too_many_files"
      if (files.some((f) => !fileAccepted(f, field.accept))) return "file_type"
      if (files.some((f) => f.size > maxSizeMb(field) * 1024 * 1024)) return "file_too_large"
      return undefined
    }
    default:
      return "invalid_type"
  }
}

/** The client-side check of a whole form: per field key, the first problem in words. */
export function validateIntake(fields: IntakeField[], values: Record<string, IntakeValue | undefined>): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {}
  for (const field of fields) {
    const code = check(field, values[field.key])
    if (code) {
      errors[field.key] = { code, message: fieldErrorMessage(field, code) }
    }
  }
  return errors
}

/**
 * The non-file answers as the server takes them (the `answers` part):
 * numbers as numbers, text trimmed, empty optional fields left out.
 */
export function answersPayload(fields: IntakeField[], values: Record<string, IntakeValue | undefined>): Record<string, unknown> {
  const answers: Record<string, unknown> = {}
  for (const field of fields) {
    const value = values[field.key]
    if (field.type === "file" || isEmpty(value)) {
      continue
    }
    if (field.type === "number" && typeof value === "string") {
      answers[field.key] = Number(value.trim())
    } else if (typeof value === "string") {
      answers[field.key] = field.type === "long_text" ? value : value.trim()
    } else {
      answers[field.key] = value
    }
  }
  return answers
}

/** "2.4 MB", "830 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}

/** An answer shown read-only: "Yes"/"No", a date in words, a list joined. */
export function formatAnswer(field: IntakeField | undefined, value: unknown): string {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) {
    return "—"
  }
  if (typeof value === "boolean") return value ? "Yes" : "No"
  if (Array.isArray(value)) return value.map(String).join(", ")
  if (field?.type === "date" && typeof value === "string") return formatDate(value)
  return String(value)
}
