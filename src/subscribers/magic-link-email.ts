import { createHash } from "node:crypto"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { MAGIC_LINK_REQUESTED, type MagicLinkRequestedData } from "../providers/magic-link/service"
import { sendPorticoEmails } from "../workflows/notification/send-email"

const inWords = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}` : `${minutes} minute${minutes === 1 ? "" : "s"}`

/**
 * Emails a requested login link (template `login_link`), off the request so
 * that asking for a link takes the same time whether or not the email is
 * known. The link is rendered into the email only; the stored notification
 * keeps `[redacted]` in its place. Failures are logged by `sendPorticoEmails`.
 */
export default async function magicLinkEmailHandler({ event, container }: SubscriberArgs<MagicLinkRequestedData>) {
  const { email, url, ttl_minutes } = event.data
  await sendPorticoEmails(container, [
    {
      template: "login_link",
      to: email,
      data: {
        variables: { customer_email: email, expires_in: inWords(ttl_minutes) },
      },
      secret_variables: { login_url: url },
      // One email per link: the key names the link without revealing it.
      idempotency_key: `portico:login_link:${createHash("sha256").update(url).digest("hex").slice(0, 32)}`,
      trigger_type: MAGIC_LINK_REQUESTED,
    },
  ])
}

export const config: SubscriberConfig = {
  event: MAGIC_LINK_REQUESTED,
  context: { subscriberId: "portico-magic-link-email" },
}
