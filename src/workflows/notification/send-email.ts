import type { INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PORTICO_EMAIL_TEMPLATE_MODULE } from "../../modules/email-template/constants"
import type EmailTemplateModuleService from "../../modules/email-template/service"
import type { EmailSettings } from "../../modules/email-template/service"
import type { EmailTemplateName } from "../../modules/email-template/templates/catalog"
import { type EmailData, renderEmail } from "../../modules/email-template/templates/render"
import { storefrontUrlFromEnv } from "../../utils/storefront-url"

/** One Portico email to send. */
export type PorticoEmail = {
  template: EmailTemplateName
  to: string
  data: EmailData
  /**
   * Variables rendered into the email but never stored: the notification's
   * `data` keeps `"[redacted]"` in their place (a login link's token).
   */
  secret_variables?: Record<string, string>
  /** `portico:<what>:<id>`: the notification module sends one email per key (again only after a failure). */
  idempotency_key: string
  resource_id?: string | null
  resource_type?: string | null
  receiver_id?: string | null
  trigger_type?: string | null
}

/** What became of an email. */
export type SentEmail = {
  template: EmailTemplateName
  idempotency_key: string
  status: "sent" | "already_sent" | "skipped" | "failed"
  reason?: string
}

/** Whether this app can send Portico's emails (Medusa's notification module is registered). */
export function canSendEmails(container: MedusaContainer): boolean {
  return container.hasRegistration(Modules.NOTIFICATION)
}

/** Email settings (links, merchant address): the email-template module's, else the environment's. */
export function emailSettings(container: MedusaContainer): EmailSettings {
  if (container.hasRegistration(PORTICO_EMAIL_TEMPLATE_MODULE)) {
    return container.resolve<EmailTemplateModuleService>(PORTICO_EMAIL_TEMPLATE_MODULE).getSettings()
  }
  const env = process.env
  return {
    storefront_url: storefrontUrlFromEnv(env),
    merchant_email: env.PORTICO_MERCHANT_EMAIL || null,
    backend_url: (env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, ""),
  }
}

/**
 * Sends Portico emails through Medusa's notification module, once per
 * idempotency key: a key already sent (or being sent) is not rendered again,
 * and the module itself refuses a second notification with the same key
 * unless the earlier one failed. Each email is rendered here with the
 * merchant's override and handed to the provider as `content`, so Resend and
 * the dev mailbox send the same thing.
 *
 * Never throws: emails must not fail the work that triggers them. Problems are
 * logged and reported as `failed`.
 */
export async function sendPorticoEmails(container: MedusaContainer, emails: PorticoEmail[]): Promise<SentEmail[]> {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  if (!canSendEmails(container)) {
    return emails.map((e) => ({ template: e.template, idempotency_key: e.idempotency_key, status: "skipped", reason: "no_notification_module" }))
  }
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const templates = container.hasRegistration(PORTICO_EMAIL_TEMPLATE_MODULE)
    ? container.resolve<EmailTemplateModuleService>(PORTICO_EMAIL_TEMPLATE_MODULE)
    : null

  const results: SentEmail[] = []
  for (const email of emails) {
    const base = { template: email.template, idempotency_key: email.idempotency_key }
    try {
      if (!email.to) {
        results.push({ ...base, status: "skipped", reason: "no_recipient" })
        continue
      }
      const earlier = await notifications.listNotifications(
        // The module filters on any column; its filter type only names a few.
        { idempotency_key: email.idempotency_key } as Parameters<INotificationModuleService["listNotifications"]>[0],
        { select: ["id", "status"] }
      )
      if (earlier.some((n) => n.status !== "failure")) {
        results.push({ ...base, status: "already_sent" })
        continue
      }
      const override = templates ? await templates.getActiveOverride(email.template) : null
      const secrets = email.secret_variables ?? {}
      const content = await renderEmail(email.template, { ...email.data, variables: { ...email.data.variables, ...secrets } }, override)
      const stored: EmailData = {
        ...email.data,
        variables: { ...email.data.variables, ...Object.fromEntries(Object.keys(secrets).map((k) => [k, "[redacted]"])) },
      }
      await notifications.createNotifications({
        to: email.to,
        channel: "email",
        template: email.template,
        data: stored as unknown as Record<string, unknown>,
        content,
        idempotency_key: email.idempotency_key,
        resource_id: email.resource_id ?? null,
        resource_type: email.resource_type ?? null,
        receiver_id: email.receiver_id ?? null,
        trigger_type: email.trigger_type ?? null,
      })
      results.push({ ...base, status: "sent" })
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e)
      logger.error(`Portico could not send the email '${email.idempotency_key}' to ${email.to}: ${reason}`)
      results.push({ ...base, status: "failed", reason })
    }
  }
  return results
}
