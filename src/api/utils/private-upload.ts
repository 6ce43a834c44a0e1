import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { once } from "node:events"
import type { Readable } from "node:stream"
import { fileContentType, SNIFF_BYTES } from "../../utils/file-content"

/** A file streamed into private storage: the file module's id, the client's name, the type its content showed, its size. */
export type StoredPrivateFile = { file_id: string; filename: string; mime_type: string; size: number }

/** How one part is stored and what its refusals are. */
export type PrivateUploadRules = {
  /** Largest accepted size in bytes. */
  max_bytes: number
  /** Prefix of the storage key (`<prefix>-<uuid>.<ext>`). */
  key_prefix: string
  /** The error for a part over `max_bytes`. */
  tooLarge: () => Error
  /** The error for content that is not what the name or type claims. */
  mismatch: (message: string) => Error
}

/** Deletes stored files, ignoring ones already gone. */
export async function deleteStoredFiles(container: MedusaContainer, ids: string[]) {
  if (ids.length) {
    await container.resolve(Modules.FILE).deleteFiles(ids).catch(() => undefined)
  }
}

/**
 * Streams one multipart file part into Medusa's file module as a private
 * file, under a key Portico makes (`<prefix>-<uuid>.<ext>`, whatever the
 * client named it, so no client text reaches a storage path), after checking
 * its first bytes against the claimed type. Never holds more than the first
 * {@link SNIFF_BYTES} in memory. A file over the size or whose content is not
 * what it claims is refused: what was stored is deleted and the rest of the
 * part is read and dropped.
 */
export function storePrivateFilePart(
  container: MedusaContainer,
  stream: Readable,
  info: { filename: string; mimeType: string },
  rules: PrivateUploadRules
): Promise<StoredPrivateFile> {
  const files = container.resolve(Modules.FILE)
  type Upload = Awaited<ReturnType<typeof files.getUploadStream>>
  const head: Buffer[] = []
  let headBytes = 0
  let size = 0
  let upload: Upload | null = null
  let mimeType = "application/octet-stream"
  let refused: unknown = null

  const discard = async () => {
    const u = upload
    upload = null
    if (u) {
      u.writeStream.destroy()
      await u.promise.catch(() => undefined)
      await deleteStoredFiles(container, [u.fileKey])
    }
  }
  const begin = async () => {
    const first = Buffer.concat(head)
    head.length = 0
    const verdict = await fileContentType(first, info.mimeType, info.filename)
    if (!verdict.ok) {
      throw rules.mismatch(verdict.message)
    }
    mimeType = verdict.mime_type
    const ext = verdict.ext ? `.${verdict.ext}` : ""
    upload = await files.getUploadStream({ filename: `${rules.key_prefix}-${randomUUID()}${ext}`, mimeType, access: "private" })
    if (first.length && !upload.writeStream.write(first)) {
      await once(upload.writeStream, "drain")
    }
  }

  return new Promise<StoredPrivateFile>((resolve, reject) => {
    const refuse = (e: unknown) => {
      refused ??= e
      void discard()
    }
    const paused = (work: Promise<unknown>) => {
      stream.pause()
      work.catch(refuse).finally(() => stream.resume())
    }
    stream.on("data", (chunk: Buffer) => {
      if (refused) {
        return // read and dropped
      }
      size += chunk.length
      if (size > rules.max_bytes) {
        refuse(rules.tooLarge())
      } else if (upload) {
        if (!upload.writeStream.write(chunk)) {
          paused(once(upload.writeStream, "drain"))
        }
      } else {
        head.push(chunk)
        headBytes += chunk.length
        if (headBytes >= SNIFF_BYTES) {
          paused(begin())
        }
      }
    })
    stream.on("error", (e) => {
      refuse(e)
      reject(refused)
    })
    stream.on("end", () => {
      const finish = async () => {
        if (refused) {
          throw refused
        }
        if (!upload) {
          await begin()
        }
        const u = upload as unknown as Upload
        u.writeStream.end()
        await u.promise
        return { filename: info.filename, mime_type: mimeType, size, file_id: u.fileKey }
      }
      finish().then(resolve, async (e) => {
        refused ??= e
        await discard()
        reject(refused)
      })
    })
  })
}
