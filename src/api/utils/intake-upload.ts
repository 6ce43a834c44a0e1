import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import busboy from "busboy"
import type { Readable } from "node:stream"
import { FILE_LIMITS, fileNameProblem, type IntakeField, type IntakeFieldError, validateIntake } from "../../modules/intake/schema"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import { deleteStoredFiles, storePrivateFilePart } from "./private-upload"
import type { StoredIntakeFile } from "../../workflows/intake/workflows/submit-intake"

/** Largest `answers` part (the JSON of the non-file answers) of a multipart submission. */
export const MAX_ANSWERS_BYTES = 256 * 1024
/** Multipart framing allowed per part on top of its content (headers, boundaries). */
const PART_OVERHEAD = 16 * 1024

/** A refusal while reading the upload: field-level, like every intake error. */
class UploadRefused extends PorticoError {
  constructor(field: string, code: string, message: string) {
    const at = field === "answers" ? "answers" : `answers.${field}`
    super(MedusaError.Types.INVALID_DATA, PorticoErrorCode.INVALID_INTAKE, `Some answers need another look: ${at}: ${message}`, {
      details: { errors: [{ field: at, code, message }] },
    })
  }
}

/** Bytes a file field may take: its file count times its per-file size. */
const fieldBytes = (f: IntakeField) => (f.max_files ?? 1) * (f.max_size_mb ?? FILE_LIMITS.default_size_mb) * 1024 * 1024
const fileBytes = (f: IntakeField) => (f.max_size_mb ?? FILE_LIMITS.default_size_mb) * 1024 * 1024

/**
 * The most a multipart intake submission to this form version may weigh:
 * the answers part plus, for each file field, its files at their size limit.
 * A request announcing more is refused before any byte is read.
 */
export function intakeRequestBound(fields: IntakeField[]): number {
  const files = fields.filter((f) => f.type === "file")
  return (
    MAX_ANSWERS_BYTES +
    PART_OVERHEAD * 2 +
    files.reduce((sum, f) => sum + fieldBytes(f) + (f.max_files ?? 1) * PART_OVERHEAD, 0)
  )
}

export { deleteStoredFiles }

/** The request carries more than the form allows: answered 413 `body_too_large`, the rest left unread. */
export class IntakeUploadTooLarge extends Error {
  constructor(readonly bound: number) {
    super(`This form takes at most ${Math.ceil(bound / (1024 * 1024))} MB`)
  }
}

/** Streams one file part of a file field into private storage (`intake-<uuid>.<ext>`), within the field's size. */
async function storeFilePart(
  container: MedusaContainer,
  stream: Readable,
  field: IntakeField,
  info: { filename: string; mimeType: string }
): Promise<StoredIntakeFile> {
  const stored = await storePrivateFilePart(container, stream, info, {
    max_bytes: fileBytes(field),
    key_prefix: "intake",
    tooLarge: () =>
      new UploadRefused(field.key, "file_too_large", `Each file must be at most ${field.max_size_mb ?? FILE_LIMITS.default_size_mb} MB`),
    mismatch: (message) => new UploadRefused(field.key, "file_type_mismatch", message),
  })
  return { field: field.key, ...stored }
}

/** What a multipart intake submission held: the answers (parsed JSON) and the stored files. */
export type ParsedIntakeUpload = { answers: unknown; files: StoredIntakeFile[] }

/**
 * Reads a `multipart/form-data` intake submission for a form version: an
 * `answers` part (JSON text, at most {@link MAX_ANSWERS_BYTES}) and one file
 * part per file, named by its file field's key. Files stream straight into
 * private storage; nothing but the first bytes of the current part is held
 * in memory.
 *
 * A file the form cannot take (no such file field, one too many, over its
 * size, content that is not what it claims, a file name with control
 * characters) is read and dropped, and the answers are still checked, so the
 * 400 `invalid_intake` lists every offending field at once; the files
 * already stored are then deleted. More bytes in all than the form allows
 * ({@link intakeRequestBound}) stops reading at once: `IntakeUploadTooLarge`.
 */
export async function readIntakeUpload(
  req: MedusaRequest,
  container: MedusaContainer,
  fields: IntakeField[]
): Promise<ParsedIntakeUpload> {
  const byKey = new Map(fields.filter((f) => f.type === "file").map((f) => [f.key, f]))
  const bound = intakeRequestBound(fields)
  const stored: (StoredIntakeFile & { position: number })[] = []
  let order = 0
  const pending: Promise<void>[] = []
  const perField = new Map<string, number>()
  const problems = new Map<string, IntakeFieldError>()
  const active = new Set<Readable>()
  let answersText: string | undefined
  let hard: unknown = null
  let stop: () => void = () => undefined
  const finished = new Promise<void>((resolve) => {
    stop = resolve
  })
  const parser = busboy({ headers: req.headers, limits: { fieldSize: MAX_ANSWERS_BYTES, fields: 1 } })

  const soft = (e: unknown) => {
    const listed = (e as { details?: { errors?: IntakeFieldError[] } }).details?.errors
    if (!listed) {
      return abort(e)
    }
    for (const error of listed) {
      if (!problems.has(error.field)) {
        problems.set(error.field, error)
      }
    }
  }
  // Stops reading the request: the part being stored is cut off (and deleted).
  function abort(e: unknown) {
    if (hard) {
      return
    }
    hard = e
    req.unpipe(parser)
    for (const stream of active) {
      stream.destroy(e instanceof Error ? e : new Error(String(e)))
    }
    stop()
  }

  let received = 0
  const count = (chunk: Buffer) => {
    received += chunk.length
    if (received > bound) {
      req.off("data", count)
      abort(new IntakeUploadTooLarge(bound))
    }
  }
  req.on("data", count)

  parser.on("file", (name: string, stream: Readable, info: { filename: string; mimeType: string }) => {
    const field = byKey.get(name)
    const n = (perField.get(name) ?? 0) + 1
    perField.set(name, n)
    const nameProblem = fileNameProblem(info.filename ?? "")
    const problem = !field
      ? new UploadRefused(name, "unknown_field", `No file field '${name}'`)
      : n > (field.max_files ?? 1)
        ? new UploadRefused(name, "too_many_files", `At most ${field.max_files ?? 1} file${(field.max_files ?? 1) === 1 ? "" : "s"}`)
        : nameProblem
          ? new UploadRefused(name, "invalid_filename", nameProblem)
          : null
    if (problem || hard) {
      if (problem) {
        soft(problem)
      }
      stream.resume()
      return
    }
    active.add(stream)
    const position = order++
    pending.push(
      storeFilePart(container, stream, field!, info).then(
        (f) => {
          active.delete(stream)
          stored.push({ ...f, position })
        },
        (e) => {
          active.delete(stream)
          if (!hard) {
            soft(e)
          }
        }
      )
    )
  })
  parser.on("field", (name: string, value: string, info: { valueTruncated: boolean }) => {
    if (name !== "answers") {
      soft(new UploadRefused(name, "unknown_field", `Unknown part '${name}': send the answers as one 'answers' part`))
    } else if (info.valueTruncated) {
      soft(new UploadRefused("answers", "too_big", `The answers are at most ${MAX_ANSWERS_BYTES / 1024} kB`))
    } else {
      answersText = value
    }
  })
  parser.on("fieldsLimit", () => soft(new UploadRefused("answers", "unknown_field", "Send the answers as one 'answers' part")))
  parser.on("close", () => stop())
  parser.on("error", (e: unknown) =>
    abort(new UploadRefused("files", "invalid_upload", e instanceof Error ? e.message : "The upload could not be read"))
  )
  req.on("aborted", () => abort(new UploadRefused("files", "request_aborted", "The upload was interrupted")))
  req.pipe(parser)
  await finished
  await Promise.allSettled(pending)
  req.off("data", count)

  let answers: unknown = {}
  if (!hard && answersText !== undefined) {
    try {
      answers = JSON.parse(answersText)
    } catch {
      soft(new UploadRefused("answers", "invalid_json", "The answers are not valid JSON"))
    }
  }
  if (hard || problems.size) {
    await deleteStoredFiles(container, stored.map((f) => f.file_id))
  }
  if (hard) {
    throw hard
  }
  if (problems.size) {
    // Every other field is checked too, so the client fixes everything at once.
    const others = problems.has("answers") ? [] : otherErrors(fields, answers, stored, problems)
    const errors = [...problems.values(), ...others]
    throw new PorticoError(
      MedusaError.Types.INVALID_DATA,
      PorticoErrorCode.INVALID_INTAKE,
      `Some answers need another look: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`,
      { details: { errors } }
    )
  }
  // Files in the order the client sent them.
  return { answers, files: stored.sort((a, b) => a.position - b.position).map(({ position: _p, ...f }) => f) }
}

/** The submission's other errors (answers and the files that were kept), for fields without a file problem. */
function otherErrors(fields: IntakeField[], answers: unknown, stored: StoredIntakeFile[], problems: Map<string, IntakeFieldError>) {
  const result = validateIntake(fields, answers, stored)
  if (result.ok) {
    return []
  }
  return result.errors.filter((e) => !problems.has(e.field) && !(e.code === "required" && problems.has(e.field)))
}
