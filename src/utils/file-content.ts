import FileType from "file-type"

/** Bytes of a file's start that {@link fileContentType} reads. */
export const SNIFF_BYTES = 4100

/** What a file's content says it is, next to what the client claimed. */
export type ContentVerdict =
  | { ok: true; mime_type: string; ext: string | null }
  | { ok: false; message: string }

const TEXT_TYPES = /^(text\/(plain|csv|markdown|x-markdown|tab-separated-values|rtf)|application\/(json|rtf))$/
const MARKUP = /^\s*(<\?xml|<!doctype\s+html|<html|<head|<body|<script|<svg|<iframe|<!--)/i

/** The type a client claims, without parameters (`text/plain; charset=utf-8` → `text/plain`). */
const bare = (mime: string) => mime.split(";")[0].trim().toLowerCase()

/** Lower-case extension of a file name, without the dot, or null. */
export function extensionOf(name: string): string | null {
  const m = /\.([a-z0-9]{1,10})$/i.exec(name)
  return m ? m[1].toLowerCase() : null
}

const SAME_EXT: Record<string, string[]> = { jpg: ["jpeg", "jpe"], tif: ["tiff"], mp4: ["m4v"], ogg: ["oga", "ogv"] }
const sameExt = (a: string, b: string) => a === b || SAME_EXT[a]?.includes(b) || SAME_EXT[b]?.includes(a)

function isText(head: Buffer) {
  if (head.includes(0)) {
    return false
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)))
    return true
  } catch {
    return false
  }
}

/**
 * Decides what a file is from its first bytes ({@link SNIFF_BYTES}), not from
 * what the client claimed:
 * - a recognised binary format (PNG, PDF, ZIP, …, by signature) must agree
 *   with the claimed type's family and the name's extension; its real type is kept;
 * - HTML, SVG or XML content is refused unless the client said so (a page
 *   named `photo.png` is not a photo);
 * - anything else must be text claimed as a text type (kept as claimed), or
 *   is kept as `application/octet-stream`; a claimed image, PDF, audio or
 *   video without its signature is refused.
 */
export async function fileContentType(head: Buffer, claimedMime: string, fileName: string): Promise<ContentVerdict> {
  const claimed = bare(claimedMime || "application/octet-stream")
  const ext = extensionOf(fileName)
  // A truncated signature (8 bytes of a PNG) reads as "not that type".
  const detected = head.length ? await FileType.fromBuffer(head).catch(() => undefined) : undefined
  if (detected) {
    const family = detected.mime.split("/")[0]
    const claimedFamily = claimed.split("/")[0]
    const generic = claimed === "application/octet-stream" || claimed === ""
    const familyOk = generic || claimed === detected.mime || claimedFamily === family || (claimedFamily === "application" && family === "application")
    const extOk = !ext || sameExt(ext, detected.ext) || detected.mime === "application/zip" || detected.mime.startsWith("application/x-cfb")
    if (!familyOk || !extOk) {
      return { ok: false, message: `The file's content is ${detected.mime}, not what its name or type (${claimed}) says` }
    }
    return { ok: true, mime_type: detected.mime, ext: detected.ext }
  }
  const text = isText(head)
  if (text && MARKUP.test(head.toString("utf8").replace(/^\uFEFF/, ""))) {
    const markupClaimed = /html|svg|xml/.test(claimed)
    return markupClaimed
      ? { ok: true, mime_type: claimed, ext }
      : { ok: false, message: `The file holds HTML/XML markup, not ${claimed}` }
  }
  if (/^(image|audio|video)\//.test(claimed) || claimed === "application/pdf") {
    return { ok: false, message: `The file's content is not ${claimed}` }
  }
  if (text && TEXT_TYPES.test(claimed)) {
    return { ok: true, mime_type: claimed, ext }
  }
  return { ok: true, mime_type: "application/octet-stream", ext }
}
