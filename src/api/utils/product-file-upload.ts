import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import busboy from "busboy"
import type { Readable } from "node:stream"
import { fileNameProblem } from "../../contracts/intake"
import { PORTICO_ENTITLEMENT_MODULE } from "../../modules/entitlement"
import type EntitlementModuleService from "../../modules/entitlement/service"
import { PorticoError, PorticoErrorCode } from "../../utils/errors"
import { deleteStoredFiles, storePrivateFilePart, type StoredPrivateFile } from "./private-upload"

/** Longest file title the merchant may give (characters). */
export const PRODUCT_FILE_TITLE_MAX = 200
/** Multipart framing allowed on top of the file and the title. */
const OVERHEAD = 64 * 1024

/** A refused product file upload: 400 `invalid_file` with the field at fault. */
export function invalidFile(field: "file" | "title", code: string, message: string) {
  return new PorticoError(MedusaError.Types.INVALID_DATA, PorticoErrorCode.INVALID_FILE, `${field}: ${message}`, {
    details: { errors: [{ field, code, message }] },
  })
}

/** A request larger than the biggest file the merchant may upload: answered 413 `body_too_large`. */
export class ProductFileTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`A product file is at most ${Math.floor(maxBytes / (1024 * 1024))} MB`)
  }
}

/** The most a product file upload may weigh on the wire. */
export const productFileRequestBound = (maxBytes: number) => maxBytes + OVERHEAD

/**
 * Reads a merchant's product file upload (`multipart/form-data`: one `file`
 * part, an optional `title` field), streaming the file into private storage
 * under a key Portico makes (`product-<uuid>.<ext>`). The client's file name
 * is only kept as the download name, after {@link fileNameProblem} refused
 * paths and control characters. Refuses (400 `invalid_file`, nothing kept) no
 * file, two files, a bad name, content that is not what it claims, an
 * over-long title, unknown parts; 413 past `maxBytes`.
 */
export async function readProductFileUpload(
  req: MedusaRequest,
  container: MedusaContainer,
  maxBytes: number
): Promise<{ file: StoredPrivateFile; title: string | null }> {
  if (!req.is("multipart/form-data")) {
    throw invalidFile("file", "required", "Send the file as multipart/form-data with a 'file' part")
  }
  const parser = busboy({ headers: req.headers, limits: { files: 1, fields: 1, fieldSize: PRODUCT_FILE_TITLE_MAX * 4 } })
  let title: string | null = null
  let stored: StoredPrivateFile | null = null
  let failure: unknown = null
  const pending: Promise<void>[] = []
  const fail = (e: unknown) => {
    failure ??= e
  }
  let active: Readable | null = null
  let received = 0
  const count = (chunk: Buffer) => {
    received += chunk.length
    if (received > productFileRequestBound(maxBytes)) {
      req.off("data", count)
      fail(new ProductFileTooLarge(maxBytes))
      req.unpipe(parser)
      active?.destroy(new ProductFileTooLarge(maxBytes))
      parser.emit("close")
    }
  }
  req.on("data", count)
  const done = new Promise<void>((resolve) => {
    parser.on("close", resolve)
    parser.on("error", (e: unknown) => {
      fail(invalidFile("file", "invalid_upload", e instanceof Error ? e.message : "The upload could not be read"))
      resolve()
    })
  })
  parser.on("file", (name: string, stream: Readable, info: { filename: string; mimeType: string }) => {
    const problem =
      name !== "file"
        ? invalidFile("file", "unknown_field", `Unknown part '${name}': send the file as 'file'`)
        : fileNameProblem(info.filename ?? "")
          ? invalidFile("file", "invalid_filename", fileNameProblem(info.filename ?? "")!)
          : null
    if (problem || failure) {
      fail(problem)
      stream.resume()
      return
    }
    active = stream
    pending.push(
      storePrivateFilePart(container, stream, info, {
        max_bytes: maxBytes,
        key_prefix: "product",
        tooLarge: () => invalidFile("file", "file_too_large", `A product file is at most ${Math.floor(maxBytes / (1024 * 1024))} MB`),
        mismatch: (message) => invalidFile("file", "file_type_mismatch", message),
      }).then(
        (f) => {
          stored = f
        },
        (e) => fail(e)
      )
    )
  })
  parser.on("field", (name: string, value: string, info: { valueTruncated: boolean }) => {
    if (name !== "title") {
      fail(invalidFile("title", "unknown_field", `Unknown part '${name}'`))
    } else if (info.valueTruncated || value.trim().length > PRODUCT_FILE_TITLE_MAX) {
      fail(invalidFile("title", "too_long", `A title is at most ${PRODUCT_FILE_TITLE_MAX} characters`))
    } else {
      title = value.trim() || null
    }
  })
  parser.on("filesLimit", () => fail(invalidFile("file", "too_many_files", "Send one file at a time")))
  parser.on("fieldsLimit", () => fail(invalidFile("title", "unknown_field", "Send only a 'title' besides the file")))
  req.pipe(parser)
  await done
  await Promise.allSettled(pending)
  req.off("data", count)
  const file = stored as StoredPrivateFile | null
  if (failure || !file) {
    if (file) {
      await deleteStoredFiles(container, [file.file_id])
    }
    throw failure ?? invalidFile("file", "required", "Add a file")
  }
  return { file, title }
}

/**
 * Reads an uploaded product file and runs `work` with it; the stored upload
 * is deleted when `work` fails. 413 `body_too_large` past the entitlement
 * module's `max_file_size_mb`, before reading when the request says its size.
 */
export async function withUploadedFile(
  req: MedusaRequest,
  res: MedusaResponse,
  work: (upload: Awaited<ReturnType<typeof readProductFileUpload>>) => Promise<void>
) {
  const maxBytes = req.scope.resolve<EntitlementModuleService>(PORTICO_ENTITLEMENT_MODULE).getSettings().max_file_size_mb * 1024 * 1024
  const tooLarge = (e: ProductFileTooLarge) =>
    res.status(413).json({ type: "invalid_data", code: "body_too_large", message: e.message, errors: [{ field: "file", code: "body_too_large", message: e.message }] })
  if (Number(req.headers["content-length"] ?? 0) > productFileRequestBound(maxBytes)) {
    return tooLarge(new ProductFileTooLarge(maxBytes))
  }
  let upload: Awaited<ReturnType<typeof readProductFileUpload>>
  try {
    upload = await readProductFileUpload(req, req.scope, maxBytes)
  } catch (e) {
    if (e instanceof ProductFileTooLarge) {
      return tooLarge(e)
    }
    throw e
  }
  try {
    await work(upload)
  } catch (e) {
    await deleteStoredFiles(req.scope, [upload.file.file_id])
    throw e
  }
}

