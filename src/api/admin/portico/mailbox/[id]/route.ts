import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PorticoError, PorticoErrorCode } from "../../../../../utils/errors"
import { activeMailbox, readMailboxEmail } from "../../../../../providers/mailbox/mailbox"

/**
 * `GET /admin/portico/mailbox/:id`: one email of the dev mailbox as the HTML
 * that was sent (`text/html`); 404 when there is no such email or no mailbox.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const mailbox = activeMailbox()
  const email = mailbox ? await readMailboxEmail(req.params.id, mailbox.dir) : null
  if (!email) {
    throw new PorticoError(MedusaError.Types.NOT_FOUND, PorticoErrorCode.NOT_FOUND, `Email '${req.params.id}' was not found in the mailbox`)
  }
  // The email's own markup, shown in a sandboxed frame by the admin: no scripts, no framing elsewhere.
  res.setHeader("content-security-policy", "script-src 'none'; frame-ancestors 'self'")
  res.setHeader("x-content-type-options", "nosniff")
  res.type("html").send(email.html)
}
