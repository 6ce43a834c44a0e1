import { porticoFetch } from "./api"

/** One `{{variable}}` of an email template. */
export type EmailTemplateVariable = { name: string; description: string; example: string }

/** An email template as `GET /admin/portico/email-templates` answers it. */
export type AdminEmailTemplate = {
  template: string
  title: string
  recipient: "client" | "merchant"
  description: string
  variables: EmailTemplateVariable[]
  default_subject: string
  default_body: string
  override: { subject: string | null; body: string | null; enabled: boolean; updated_at: string } | null
}

/** A rendered preview. */
export type EmailPreview = { subject: string; html: string; text: string }

/** A dev-mailbox email (list row). */
export type MailboxEmail = {
  id: string
  to: string
  from: string | null
  subject: string
  template: string
  idempotency_key: string | null
  sent_at: string
}

export type MailboxList = {
  enabled: boolean
  dir: string | null
  emails: MailboxEmail[]
  count: number
  limit: number
  offset: number
}

/** React Query keys of the email pages. */
export const emailKeys = {
  templates: ["portico", "email-templates"] as const,
  mailbox: ["portico", "mailbox"] as const,
  mailboxEmail: (id: string) => ["portico", "mailbox", id] as const,
}

export const listEmailTemplates = () =>
  porticoFetch<{ email_templates: AdminEmailTemplate[] }>("/admin/portico/email-templates")

export const saveEmailTemplate = (
  template: string,
  body: { subject?: string | null; body?: string | null; enabled?: boolean }
) => porticoFetch<{ email_template: AdminEmailTemplate }>(`/admin/portico/email-templates/${template}`, { method: "POST", body })

export const previewEmailTemplate = (template: string, body: { subject?: string | null; body?: string | null }) =>
  porticoFetch<{ preview: EmailPreview }>(`/admin/portico/email-templates/${template}/preview`, { method: "POST", body })

export const listMailbox = (query: { limit: number; offset: number }) =>
  porticoFetch<MailboxList>("/admin/portico/mailbox", { query })

/** The HTML of one mailbox email (the route answers `text/html`). */
export async function mailboxEmailHtml(id: string): Promise<string> {
  const base = import.meta.env.VITE_BACKEND_URL || "/"
  const url = new URL(
    `admin/portico/mailbox/${encodeURIComponent(id)}`,
    new URL(base, window.location.origin).toString().replace(/\/?$/, "/")
  )
  const response = await fetch(url, { credentials: "include", headers: { accept: "text/html" } })
  if (!response.ok) {
    throw new Error(response.status === 404 ? "This email is no longer in the mailbox." : `Request failed (${response.status})`)
  }
  return response.text()
}
