import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { emailContent } from "../../modules/email-template/templates/content"
import { mailboxDir, setActiveMailbox, writeMailboxEmail } from "./mailbox"

/** Options of the dev mailbox provider. */
export type MailboxProviderOptions = {
  /** Folder the emails are written to. Default: env `PORTICO_MAILBOX_DIR`, else `.portico/mailbox`. */
  dir?: string
  /** Sender recorded with each email. Default: env `RESEND_FROM`, else none. */
  from?: string
  channels?: string[]
}

/** What the notification module hands a provider besides the DTO's declared fields. */
type SentNotification = ProviderSendNotificationDTO & { id?: string; idempotency_key?: string | null }

/**
 * Development notification provider (channel `email`): renders Portico's
 * emails exactly like the Resend provider and writes each one to a folder as
 * `.html`, `.txt` and `.json` (recipient, subject, template, data,
 * idempotency key, time). The admin's "Mailbox" page and `readMailbox(dir)`
 * read them back. Nothing leaves the machine.
 */
export class MailboxNotificationProviderService extends AbstractNotificationProviderService {
  static override identifier = "portico-mailbox"

  protected readonly dir: string
  protected readonly from: string | null
  protected readonly logger_?: Logger

  constructor({ logger }: { logger?: Logger }, options: MailboxProviderOptions = {}) {
    super()
    this.logger_ = logger
    this.dir = mailboxDir(options?.dir)
    this.from = options?.from || process.env.RESEND_FROM || null
    setActiveMailbox(this.dir)
  }

  override async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const sent = notification as SentNotification
    const { subject, html, text } = await emailContent(notification)
    const sentAt = new Date()
    // Sortable by time, unique per send.
    const id = `${sentAt.toISOString().replace(/[-:.]/g, "")}-${(sent.id ?? randomUUID()).replace(/[^A-Za-z0-9_]/g, "")}`
    await writeMailboxEmail(this.dir, {
      id,
      notification_id: sent.id ?? null,
      to: notification.to,
      from: notification.from || this.from,
      subject,
      template: notification.template,
      data: (notification.data ?? {}) as Record<string, unknown>,
      idempotency_key: sent.idempotency_key ?? null,
      sent_at: sentAt.toISOString(),
      html,
      text,
    })
    this.logger_?.debug?.(`Portico mailbox: '${subject}' to ${notification.to} (${id})`)
    return { id }
  }
}

export default MailboxNotificationProviderService
