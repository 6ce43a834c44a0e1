import { mkdir, readdir, readFile, writeFile } from "node:fs/promises"
import path from "node:path"

/** Where the dev mailbox writes when neither the option nor `PORTICO_MAILBOX_DIR` says otherwise. */
export const DEFAULT_MAILBOX_DIR = ".portico/mailbox"

/** The `.json` the mailbox writes beside each `.html`. */
export type MailboxEntry = {
  /** File name without extension; also the provider's `external_id`. */
  id: string
  notification_id: string | null
  to: string
  from: string | null
  subject: string
  template: string
  data: Record<string, unknown>
  idempotency_key: string | null
  sent_at: string
}

/** A mailbox entry with its HTML and text. */
export type MailboxEmail = MailboxEntry & { html: string; text: string }

/** The mailbox folder: an explicit one, else `PORTICO_MAILBOX_DIR`, else `.portico/mailbox` (from the working directory). */
export function mailboxDir(dir?: string | null): string {
  return path.resolve(dir || process.env.PORTICO_MAILBOX_DIR || DEFAULT_MAILBOX_DIR)
}

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/

/** Writes one email as `<id>.html`, `<id>.txt` and `<id>.json`. */
export async function writeMailboxEmail(dir: string, email: MailboxEmail): Promise<void> {
  await mkdir(dir, { recursive: true })
  const { html, text, ...entry } = email
  await writeFile(path.join(dir, `${email.id}.html`), html, "utf8")
  await writeFile(path.join(dir, `${email.id}.txt`), text, "utf8")
  // The .json last: a reader lists .json files, so it never sees half an email.
  await writeFile(path.join(dir, `${email.id}.json`), JSON.stringify(entry, null, 2), "utf8")
}

/**
 * Every email in a mailbox folder, oldest first, with its HTML: what tests and
 * the admin's "Mailbox" read. An absent folder is an empty mailbox.
 *
 * @example
 * const [email] = (await readMailbox(dir)).filter((e) => e.template === "payment_confirmation")
 * expect(email.html).toContain(email.data.variables.portal_url)
 */
export async function readMailbox(dir?: string | null): Promise<MailboxEmail[]> {
  const folder = mailboxDir(dir)
  const names = await readdir(folder).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return [] as string[]
    throw e
  })
  const ids = names.filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -".json".length))
  const emails = await Promise.all(ids.map((id) => readMailboxEmail(id, folder)))
  return emails
    .filter((e): e is MailboxEmail => e !== null)
    .sort((a, b) => a.sent_at.localeCompare(b.sent_at) || a.id.localeCompare(b.id))
}

/** One email of the mailbox by id, or null. */
export async function readMailboxEmail(id: string, dir?: string | null): Promise<MailboxEmail | null> {
  if (!ID_PATTERN.test(id)) {
    return null
  }
  const folder = mailboxDir(dir)
  try {
    const entry = JSON.parse(await readFile(path.join(folder, `${id}.json`), "utf8")) as MailboxEntry
    const [html, text] = await Promise.all([
      readFile(path.join(folder, `${id}.html`), "utf8"),
      readFile(path.join(folder, `${id}.txt`), "utf8").catch(() => ""),
    ])
    return { ...entry, id, html, text }
  } catch (e) {
    if (["ENOENT", "ENAMETOOLONG"].includes((e as NodeJS.ErrnoException).code ?? "")) return null
    throw e
  }
}

const ACTIVE = Symbol.for("portico.mailbox.active")
type Registry = { [ACTIVE]?: { dir: string } }

/** Records that this process sends emails to the dev mailbox in `dir` (the provider does, when created). */
export function setActiveMailbox(dir: string): void {
  ;(globalThis as Registry)[ACTIVE] = { dir }
}

/** The dev mailbox this process writes to, or null when emails go elsewhere (Resend) or nowhere. */
export function activeMailbox(): { dir: string } | null {
  return (globalThis as Registry)[ACTIVE] ?? null
}
