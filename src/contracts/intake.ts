/**
 * Intake forms: the field schema a merchant's form version is checked with,
 * and the validation of a client's answers. One definition for the routes
 * (form saving, intake submission), the admin's form builder and the
 * storefront's form, so a browser check and the server's answer never differ.
 *
 * Depends on `zod` only (the same copy Medusa's framework uses).
 */
import { z } from "zod"

/** The kinds of question an intake form can ask. */
export const INTAKE_FIELD_TYPES = [
  "text",
  "long_text",
  "number",
  "email",
  "url",
  "date",
  "select",
  "multi_select",
  "checkbox",
  "file",
] as const
export type IntakeFieldType = (typeof INTAKE_FIELD_TYPES)[number]

/** Longest text answers, by type, when a field sets no `max_length`. */
export const TEXT_LIMITS = { text: 500, long_text: 10000 } as const
/**
 * File limits: the largest per-file size a field may set (MB) and the size
 * when it sets none; the most files a field may allow and the count when it
 * sets none.
 */
export const FILE_LIMITS = { max_size_mb: 25, default_size_mb: 10, max_files: 10, default_files: 1 } as const

/** The pattern of a field key: 1–40 lowercase letters, digits or `_`, starting with a letter. */
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

const isoDate = z.iso.date()

/**
 * The earliest "today" anywhere: yesterday in UTC (`yyyy-mm-dd`). A
 * `not_in_past` date field accepts it, so a client west of UTC late in their
 * day is not refused their own today (the storefront offers their local today).
 */
export function earliestToday(now: Date = new Date()): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10)
}
const custom = (ctx: z.RefinementCtx, path: (string | number)[], code: string, message: string) =>
  ctx.addIssue({ code: "custom", path, message, params: { code } })

/** One field of an intake form version. Limits only apply to the types that have them. */
export const IntakeFieldSchema = z
  .object({
    key: z
      .string()
      .regex(FIELD_KEY_PATTERN, "Use 1–40 lowercase letters, digits or _, starting with a letter"),
    type: z.enum(INTAKE_FIELD_TYPES),
    label: z.string().trim().min(1).max(200),
    help_text: z.string().max(1000).nullable().optional(),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional(),
    min_length: z.number().int().min(0).nullable().optional(),
    max_length: z.number().int().min(1).nullable().optional(),
    min: z.number().finite().nullable().optional(),
    max: z.number().finite().nullable().optional(),
    min_date: isoDate.nullable().optional(),
    max_date: isoDate.nullable().optional(),
    /** Date fields: no day before the day the client answers ("Needed by", "Start on"). */
    not_in_past: z.boolean().optional(),
    accept: z
      .array(z.string().regex(/^(\.[a-z0-9]{1,10}|[a-z]+\/([a-z0-9.+-]+|\*))$/i, "Use an extension (.pdf) or a MIME type (image/png, image/*)"))
      .max(20)
      .optional(),
    max_size_mb: z.number().min(0.001).max(FILE_LIMITS.max_size_mb).nullable().optional(),
    max_files: z.number().int().min(1).max(FILE_LIMITS.max_files).nullable().optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const only = (prop: keyof typeof f, types: IntakeFieldType[]) => {
      if (f[prop] !== undefined && f[prop] !== null && !types.includes(f.type)) {
        custom(ctx, [prop], "not_applicable", `'${prop}' does not apply to a ${f.type} field`)
      }
    }
    only("options", ["select", "multi_select"])
    only("min_length", ["text", "long_text"])
    only("max_length", ["text", "long_text"])
    only("min", ["number"])
    only("max", ["number"])
    only("min_date", ["date"])
    only("max_date", ["date"])
    if (f.not_in_past && f.type !== "date") {
      custom(ctx, ["not_in_past"], "not_applicable", `'not_in_past' does not apply to a ${f.type} field`)
    }
    only("accept", ["file"])
    only("max_size_mb", ["file"])
    only("max_files", ["file"])
    if ((f.type === "select" || f.type === "multi_select") && !f.options?.length) {
      custom(ctx, ["options"], "required", "A select field needs at least one option")
    }
    if (f.options && new Set(f.options).size !== f.options.length) {
      custom(ctx, ["options"], "duplicate_option", "Options must be distinct")
    }
    if (f.type === "text" || f.type === "long_text") {
      const cap = TEXT_LIMITS[f.type]
      if (f.max_length != null && f.max_length > cap) {
        custom(ctx, ["max_length"], "too_big", `At most ${cap} characters for a ${f.type} field`)
      }
      if (f.min_length != null && f.min_length > (f.max_length ?? cap)) {
        custom(ctx, ["min_length"], "invalid_range", "The minimum length is above the maximum")
      }
    }
    if (f.min != null && f.max != null && f.min > f.max) {
      custom(ctx, ["min"], "invalid_range", "The minimum is above the maximum")
    }
    if (f.min_date && f.max_date && f.min_date > f.max_date) {
      custom(ctx, ["min_date"], "invalid_range", "The earliest date is after the latest")
    }
  })
export type IntakeField = z.infer<typeof IntakeFieldSchema>

/** The ordered fields of a form version: at most 100, keys unique. */
export const IntakeFieldsSchema = z
  .array(IntakeFieldSchema)
  .max(100)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>()
    fields.forEach((f, i) => {
      if (seen.has(f.key)) {
        custom(ctx, [i, "key"], "duplicate_key", `The key '${f.key}' is used by another field`)
      }
      seen.add(f.key)
    })
  })

/** A file sent with a submission, as the route received it. */
export type IncomingFile = { field: string; filename: string; mime_type: string; size: number }

/**
 * The stable codes of a refused answer (`errors[].code` of an
 * `invalid_intake` refusal), which clients word in their own language.
 */
export const INTAKE_ERROR_CODES = [
  "required",
  "too_short",
  "too_long",
  "too_small",
  "too_big",
  "invalid_email",
  "invalid_url",
  "invalid_date",
  "invalid_number",
  "invalid_option",
  "invalid_type",
  "invalid_format",
  "duplicate_option",
  "invalid_filename",
  "file_type",
  "file_too_large",
  "too_many_files",
  "unknown_field",
] as const
export type IntakeErrorCode = (typeof INTAKE_ERROR_CODES)[number]

/** One problem of a submission, on `answers.<key>` (`code`: an {@link IntakeErrorCode} in practice). */
export type IntakeFieldError = { field: string; code: string; message: string }

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === false ||
  (typeof v === "string" && v.trim() === "") ||
  (Array.isArray(v) && v.length === 0)

/**
 * The zod schema of one (non-file) field's answer, from its definition: the
 * type, the options and the limits the merchant set. Emptiness (required) is
 * checked before this runs.
 */
export function answerSchema(field: IntakeField): z.ZodType {
  switch (field.type) {
    case "text":
    case "long_text": {
      let s = z.string().trim().max(field.max_length ?? TEXT_LIMITS[field.type])
      if (field.min_length) {
        s = s.min(field.min_length)
      }
      return s
    }
    case "number": {
      let n = z.number()
      if (field.min != null) {
        n = n.min(field.min)
      }
      if (field.max != null) {
        n = n.max(field.max)
      }
      // A number, or a decimal written as text ("12", "-3.5"); never "0x3", "1e3" or "Infinity".
      return z.preprocess((v) => (typeof v === "string" && /^\s*-?\d{1,15}(\.\d{1,15})?\s*$/.test(v) ? Number(v) : v), n.finite())
    }
    case "email":
      return z.string().trim().max(320).pipe(z.email())
    case "url":
      return z.string().trim().max(2000).pipe(z.url({ protocol: /^https?$/ }))
    case "date":
      return isoDate
        .refine((d) => !field.not_in_past || d >= earliestToday(), { params: { code: "too_small" }, message: "Today or later" })
        .refine((d) => !field.min_date || d >= field.min_date, { params: { code: "too_small" }, message: `On or after ${field.min_date}` })
        .refine((d) => !field.max_date || d <= field.max_date, { params: { code: "too_big" }, message: `On or before ${field.max_date}` })
    case "select":
      return z.enum(field.options as [string, ...string[]])
    case "multi_select":
      return z
        .array(z.enum(field.options as [string, ...string[]]))
        .max(field.options?.length ?? 0)
        .refine((picked) => new Set(picked).size === picked.length, { message: "Pick each option once", params: { code: "duplicate_option" } })
    case "checkbox":
      return z.boolean()
    case "file":
      return z.never()
  }
}

/** Stable codes for a failed answer, by field type (see the README's intake section). */
function codeOf(field: IntakeField, issue: z.core.$ZodIssue): string {
  const own = issue.code === "custom" ? (issue.params as { code?: string } | undefined)?.code : undefined
  if (own) {
    return own
  }
  switch (issue.code) {
    case "too_small":
      return field.type === "text" || field.type === "long_text" ? "too_short" : "too_small"
    case "too_big":
      return field.type === "text" || field.type === "long_text" ? "too_long" : "too_big"
    case "invalid_value":
      return "invalid_option"
    case "invalid_format":
      return field.type === "email" ? "invalid_email" : field.type === "url" ? "invalid_url" : field.type === "date" ? "invalid_date" : "invalid_format"
    case "invalid_type":
      return field.type === "number" ? "invalid_number" : "invalid_type"
    default:
      return issue.code
  }
}

/** Longest file name kept for a file answer. */
export const MAX_FILE_NAME = 255

/**
 * Why a client's file name cannot be kept (it is only ever metadata: files
 * are stored under a key Portico makes), or null: empty, longer than
 * {@link MAX_FILE_NAME}, or with line breaks or other control characters
 * (they would end up in a `Content-Disposition` header).
 */
export function fileNameProblem(name: string): string | null {
  if (!name.trim()) {
    return "The file has no name"
  }
  if (name.length > MAX_FILE_NAME) {
    return `File names are at most ${MAX_FILE_NAME} characters`
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return "File names may not contain line breaks or control characters"
  }
  return null
}

function fileMatches(accept: string[] | undefined, file: IncomingFile) {
  if (!accept?.length) {
    return true
  }
  const name = file.filename.toLowerCase()
  const mime = file.mime_type.toLowerCase()
  return accept.some((a) => {
    const rule = a.toLowerCase()
    if (rule.startsWith(".")) {
      return name.endsWith(rule)
    }
    return rule.endsWith("/*") ? mime.startsWith(rule.slice(0, -1)) : mime === rule
  })
}

/**
 * Validates a submission against a form version's fields: every answer with
 * its field's zod schema, and the files against the file fields' types, sizes
 * and counts. Returns the cleaned answers (empty optional answers dropped), or
 * one error per offending field.
 */
export function validateIntake(
  fields: IntakeField[],
  answers: unknown,
  files: IncomingFile[]
): { ok: true; answers: Record<string, unknown> } | { ok: false; errors: IntakeFieldError[] } {
  const errors: IntakeFieldError[] = []
  const clean: Record<string, unknown> = {}
  if (answers === null || typeof answers !== "object" || Array.isArray(answers)) {
    return { ok: false, errors: [{ field: "answers", code: "invalid_type", message: "Answers must be an object" }] }
  }
  const given = answers as Record<string, unknown>
  const byKey = new Map(fields.map((f) => [f.key, f]))
  for (const key of Object.keys(given)) {
    const f = byKey.get(key)
    if (!f || (f.type === "file" && !isEmpty(given[key]))) {
      errors.push({ field: `answers.${key}`, code: "unknown_field", message: f ? "Send files as file parts" : `Unknown field '${key}'` })
    }
  }
  for (const file of files) {
    if (byKey.get(file.field)?.type !== "file") {
      errors.push({ field: `answers.${file.field}`, code: "unknown_field", message: `No file field '${file.field}'` })
    }
  }
  for (const f of fields) {
    const at = `answers.${f.key}`
    if (f.type === "file") {
      const mine = files.filter((x) => x.field === f.key)
      const maxFiles = f.max_files ?? FILE_LIMITS.default_files
      const maxBytes = (f.max_size_mb ?? FILE_LIMITS.default_size_mb) * 1024 * 1024
      if (!mine.length) {
        if (f.required) {
          errors.push({ field: at, code: "required", message: `${f.label} is required` })
        }
      } else if (mine.some((x) => fileNameProblem(x.filename))) {
        errors.push({ field: at, code: "invalid_filename", message: fileNameProblem(mine.find((x) => fileNameProblem(x.filename))!.filename)! })
      } else if (mine.length > maxFiles) {
        errors.push({ field: at, code: "too_many_files", message: `At most ${maxFiles} file${maxFiles === 1 ? "" : "s"}` })
      } else if (mine.some((x) => !fileMatches(f.accept, x))) {
        errors.push({ field: at, code: "file_type", message: `Allowed file types: ${(f.accept ?? []).join(", ")}` })
      } else if (mine.some((x) => x.size > maxBytes)) {
        errors.push({ field: at, code: "file_too_large", message: `Each file must be at most ${f.max_size_mb ?? FILE_LIMITS.default_size_mb} MB` })
      }
      continue
    }
    const value = given[f.key]
    if (isEmpty(value) && !(f.type === "number" && value === 0)) {
      if (f.required) {
        errors.push({
          field: at,
          code: "required",
          message: f.type === "checkbox" ? `${f.label} must be checked` : `${f.label} is required`,
        })
      }
      continue
    }
    const parsed = answerSchema(f).safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      errors.push({ field: at, code: codeOf(f, issue), message: issue.message })
    } else if (!isEmpty(parsed.data)) {
      clean[f.key] = parsed.data
    } else if (f.required) {
      errors.push({ field: at, code: "required", message: `${f.label} is required` })
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: clean }
}

/** A field definition as a client sends it (`required` may be left out: it defaults to false). */
export type IntakeFieldInput = z.input<typeof IntakeFieldSchema>
