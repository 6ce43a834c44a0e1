import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { Resend } from "resend"
import { emailContent } from "../../modules/email-template/templates/content"

/** Options of the Resend provider (medusa-config.ts, under the notification module's providers). */
export type ResendProviderOptions = {
  /** Resend API key (`re_…`). Required. */
  api_key: string
  /** Sender, e.g. `Acme <orders@acme.com>` (a domain verified in Resend). Required. */
  from: string
  /**
   * Resend API base URL. Default: the SDK's (`RESEND_BASE_URL`, else
   * `https://api.resend.com`). Tests point it at a local fake server.
   */
  base_url?: string
  channels?: string[]
}

/** What the notification module hands a provider besides the DTO's declared fields. */
type SentNotification = ProviderSendNotificationDTO & { id?: string; idempotency_key?: string | null }

/**
 * Sends Portico's emails (channel `email`) through Resend with the official
 * `resend` SDK. The notification's idempotency key (`portico:<template>:<id>`)
 * is passed as Resend's `Idempotency-Key`, so a retried send within Resend's
 * window is not delivered twice.
 */
export class ResendNotificationProviderService extends AbstractNotificationProviderService {
  static override identifier = "portico-resend"

  protected readonly client: Resend
  protected readonly from: string
  protected readonly logger_?: Logger

  static override validateOptions(options: Record<string, unknown>) {
    for (const key of ["api_key", "from"]) {
      if (typeof options?.[key] !== "string" || !options[key]) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `The Resend notification provider needs the option '${key}' (RESEND_${key === "api_key" ? "API_KEY" : "FROM"})`
        )
      }
    }
  }

  constructor({ logger }: { logger?: Logger }, options: ResendProviderOptions) {
    super()
    this.logger_ = logger
    this.from = options.from
    this.client = new Resend(options.api_key, options.base_url ? { baseUrl: options.base_url } : undefined)
  }

  override async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const sent = notification as SentNotification
    const { subject, html, text } = await emailContent(notification)
    const idempotencyKey = sent.idempotency_key || sent.id || undefined
    const { data, error } = await this.client.emails.send(
      {
        from: notification.from || this.from,
        to: [notification.to],
        subject,
        html,
        text,
        attachments: notification.attachments?.length
          ? notification.attachments.map((a) => ({
              filename: a.filename,
              content: a.content,
              contentType: a.content_type,
            }))
          : undefined,
      },
      idempotencyKey ? { idempotencyKey } : undefined
    )
    if (error || !data) {
      // Failing marks the notification failed, so a later run sends it again.
      const message = error?.message ?? "no answer"
      this.logger_?.error?.(`Resend refused '${subject}' to ${notification.to}: ${message}`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Resend: ${message}`)
    }
    return { id: data.id }
  }
}

export default ResendNotificationProviderService
