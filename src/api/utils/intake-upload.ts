import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import multer from "multer"
import { FILE_LIMITS } from "../../modules/intake/schema"

const upload = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: FILE_LIMITS.max_size_mb * 1024 * 1024,
    files: 50,
    fields: 20,
    fieldSize: 2 * 1024 * 1024,
  },
}).any()

/**
 * Parses a `multipart/form-data` intake submission (files in memory, at most
 * {@link FILE_LIMITS}`.max_size_mb` each; each field's own limit is checked by
 * the submission's validation). A file over the hard limit, or too many
 * parts, answers 400 `invalid_intake` on the offending field.
 */
export function intakeUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  upload(req, res, (err: unknown) => {
    if (!err) {
      next()
      return
    }
    const e = err as { code?: string; field?: string; message?: string }
    const field = `answers.${e.field ?? "files"}`
    const code = e.code === "LIMIT_FILE_SIZE" ? "file_too_large" : e.code === "LIMIT_FILE_COUNT" ? "too_many_files" : "invalid_upload"
    const message =
      code === "file_too_large" ? `Each file must be at most ${FILE_LIMITS.max_size_mb} MB` : e.message ?? "The upload could not be read"
    res.status(400).json({
      type: "invalid_data",
      code: "invalid_intake",
      message: `Some answers need another look: ${field}: ${message}`,
      errors: [{ field, code, message }],
    })
  })
}
