import type { AdminEmailPreviewBody, AdminEmailTemplateBody } from "../../contracts/http"
import { isPorticoApiError, portico } from "./api"

export type {
  AdminEmailTemplate,
  AdminMailboxResponse as MailboxList,
  EmailPreview,
  EmailTemplateVariable,
  MailboxEmail,
} from "../../contracts/http"

/** React Query keys of the email pages. */
export const emailKeys = {
  templates: ["portico", "email-templates"] as const,
  mailbox: ["portico", "mailbox"] as const,
  mailboxEmail: (id: string) => ["portico", "mailbox", id] as const,
}

export const listEmailTemplates = () => portico.admin.emailTemplates.list()

export const saveEmailTemplate = (template: string, body: AdminEmailTemplateBody) => portico.admin.emailTemplates.save(template, body)

export const previewEmailTemplate = (template: string, body: AdminEmailPreviewBody) => portico.admin.emailTemplates.preview(template, body)

export const listMailbox = (query: { limit: number; offset: number }) => portico.admin.mailbox.list(query)

/** The HTML of one mailbox email (the route answers `text/html`). */
export async function mailboxEmailHtml(id: string): Promise<string> {
  try {
    return await portico.admin.mailbox.html(id)
  } catch (e) {
    throw isPorticoApiError(e) && e.status === 404 ? new Error("This email is no longer in the mailbox.") : e
  }
}
