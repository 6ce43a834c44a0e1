import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { activeMailbox, readMailbox } from "../../../../providers/mailbox/mailbox"
import type { MailboxListParamsType } from "./validators"

/**
 * `GET /admin/portico/mailbox?limit=&offset=`: the emails the dev mailbox
 * provider wrote, newest first → `{ enabled, dir, emails, count, limit, offset }`
 * (`enabled: false` and no emails when emails go through Resend or nowhere).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { limit, offset } = (req.validatedQuery ?? { limit: 20, offset: 0 }) as MailboxListParamsType
  const mailbox = activeMailbox()
  if (!mailbox) {
    res.json({ enabled: false, dir: null, emails: [], count: 0, limit, offset })
    return
  }
  const all = (await readMailbox(mailbox.dir)).reverse()
  const emails = all.slice(offset, offset + limit).map((email) => ({
    id: email.id,
    to: email.to,
    from: email.from,
    subject: email.subject,
    template: email.template,
    idempotency_key: email.idempotency_key,
    sent_at: email.sent_at,
  }))
  res.json({ enabled: true, dir: mailbox.dir, emails, count: all.length, limit, offset })
}
