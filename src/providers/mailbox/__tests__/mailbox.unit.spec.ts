import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { sampleVariables } from "../../../modules/email-template/templates/catalog"
import { activeMailbox, readMailbox, readMailboxEmail } from "../mailbox"
import { MailboxNotificationProviderService } from "../service"

describe("dev mailbox provider", () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "portico-mailbox-"))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it("writes each email as html + json that readMailbox reads back", async () => {
    const provider = new MailboxNotificationProviderService({}, { dir })
    expect(activeMailbox()).toEqual({ dir })
    const portal = "https://shop.test/account"
    const result = await provider.send({
      id: "noti_01",
      idempotency_key: "portico:payment_confirmation:inv_1",
      to: "ada@example.com",
      channel: "email",
      template: "payment_confirmation",
      data: { variables: { ...sampleVariables("payment_confirmation"), portal_url: portal } },
    } as any)

    const emails = await readMailbox(dir)
    expect(emails).toHaveLength(1)
    const [email] = emails
    expect(email).toEqual(
      expect.objectContaining({
        id: result.id,
        notification_id: "noti_01",
        to: "ada@example.com",
        template: "payment_confirmation",
        idempotency_key: "portico:payment_confirmation:inv_1",
        subject: expect.stringContaining("Payment received"),
        sent_at: expect.any(String),
      })
    )
    expect(email.html).toContain(`href="${portal}"`)
    expect((email.data as any).variables.portal_url).toBe(portal)
    expect(await readMailboxEmail(result.id!, dir)).toEqual(email)
    expect(await readMailboxEmail("../etc/passwd", dir)).toBeNull()
  })

  it("reads an absent folder as an empty mailbox", async () => {
    expect(await readMailbox(path.join(dir, "nothing-here"))).toEqual([])
  })
})
