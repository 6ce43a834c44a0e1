import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { isEmailTemplate } from "./catalog"
import { type EmailData, type RenderedEmail, renderEmail } from "./render"

/**
 * The subject, HTML and text of an email notification. Portico's sending code
 * renders each email (with the merchant's override) and passes it as
 * `content`; a notification created elsewhere with only a Portico `template`
 * and its `data` is rendered here with the default template.
 */
export async function emailContent(notification: ProviderSendNotificationDTO): Promise<RenderedEmail> {
  const content = notification.content
  if (content?.html) {
    return { subject: content.subject ?? "", html: content.html, text: content.text ?? "" }
  }
  if (isEmailTemplate(notification.template)) {
    const data = (notification.data ?? {}) as Partial<EmailData>
    return renderEmail(notification.template, { ...data, variables: data.variables ?? {} })
  }
  throw new Error(
    `Notification template '${notification.template}' is not a Portico email and came without content.html`
  )
}
