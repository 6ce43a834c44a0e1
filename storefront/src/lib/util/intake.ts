/**
 * Service orders and intake forms as the storefront shows them: statuses in
 * words, and the client-side check of an intake form, which is the server's
 * own function (`validateIntake` of Portico's contracts, the same code the
 * backend runs) with its error codes worded for the client. Pure helpers;
 * the calls live in `lib/data/service-orders.ts`.
 */
import {
  FILE_LIMITS,
  TEXT_LIMITS,
  validateIntake as validateAnswers,
  type IncomingFile,
  type IntakeErrorCode,
  type IntakeField,
} from "medusa-plugin-portico/contracts"
import type { ServiceOrderStatusType, StoreServiceOrder, StoreServiceOrderDetail } from "medusa-plugin-portico/contracts"

export type ServiceOrderStatus = ServiceOrderStatusType
export type { IntakeField, IntakeFieldType } from "medusa-plugin-portico/contracts"
export type {
  IntakeFile,
  IntakeFormVersion as IntakeForm,
  IntakeSubmission,
} from "medusa-plugin-portico/contracts"
/** One unit of a purchased service (`GET /store/portico/service-orders`). */
export type ServiceOrder = StoreServiceOrder
/** A service order with its history and intake (`GET /store/portico/service-orders/:id`). */
export type ServiceOrderDetail = StoreServiceOrderDetail

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

/** A service order's page in the portal (its intake and file routes are under it). */
export function serviceOrderPath(id: string): string {
  return `/portal/service-orders/${encodeURIComponent(id)}`
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

/** The server's defaults and ceilings (Portico's contracts). */
export const TEXT_MAX = TEXT_LIMITS.text
export const LONG_TEXT_MAX = TEXT_LIMITS.long_text
export const FILE_MAX_SIZE_MB = FILE_LIMITS.default_size_mb
export const FILE_MAX_FILES = FILE_LIMITS.default_files

export function maxLength(field: IntakeField): number {
  const ceiling = field.type === "long_text" ? LONG_TEXT_MAX : TEXT_MAX
  return Math.min(field.max_length ?? ceiling, ceiling)
}
export const maxFiles = (field: IntakeField) => field.max_files ?? FILE_MAX_FILES
export const maxSizeMb = (field: IntakeField) => field.max_size_mb ?? FILE_MAX_SIZE_MB

// ---------------------------------------------------------------- error words

/** The codes of a refused answer (the server's, from Portico's contracts). */
export type FieldErrorCode = IntakeErrorCode

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

/** The files the form holds, as the server receives them (field key, name, type, size). */
export function filesPayload(fields: IntakeField[], values: Record<string, IntakeValue | undefined>): IncomingFile[] {
  return fields
    .filter((f) => f.type === "file")
    .flatMap((f) => {
      const value = values[f.key]
      return Array.isArray(value)
        ? (value as unknown[])
            .filter((v): v is File => typeof v === "object" && v !== null && "size" in v)
            .map((file) => ({ field: f.key, filename: file.name, mime_type: file.type || "application/octet-stream", size: file.size }))
        : []
    })
}

/**
 * The client-side check of a whole form: per field key, the first problem in
 * words. It is the server's own validation (`validateIntake` of Portico's
 * contracts) run on exactly what would be sent: the answers as
 * {@link answersPayload} builds them and the files' names, types and sizes.
 */
export function validateIntake(fields: IntakeField[], values: Record<string, IntakeValue | undefined>): Record<string, FieldError> {
  const result = validateAnswers(fields, answersPayload(fields, values), filesPayload(fields, values))
  const errors: Record<string, FieldError> = {}
  if (result.ok) {
    return errors
  }
  const byKey = new Map(fields.map((f) => [f.key, f]))
  for (const e of result.errors) {
    const key = e.field.replace(/^answers\./, "").split(".")[0]
    const field = byKey.get(key)
    if (field && !errors[key]) {
      errors[key] = { code: e.code as FieldErrorCode, message: fieldErrorMessage(field, e.code, e.message) }
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
