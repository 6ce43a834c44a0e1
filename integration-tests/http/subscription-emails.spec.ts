import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { DemoInfo } from "../../scripts/seed-demo"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../src/modules/subscription"
import type SubscriptionModuleService from "../../src/modules/subscription/service"
import { type MailboxEmail, readMailbox } from "../../src/providers/mailbox/mailbox"
import { clock } from "../../src/utils/clock"
import { sendDueRenewalReminders } from "../../src/workflows/notification/subscription-emails"
import { emailDate } from "../../src/workflows/notification/subscription-email-data"
import { afterPaymentWorkflow } from "../../src/workflows/service-order/workflows/after-payment"
import { runDueRenewals } from "../../src/workflows/subscription/run-due-renewals"
import { fakeStripe } from "../fakes/stripe"
import { cartWithSession, type PaymentSuite, setUpPaymentSuite } from "../helpers/payments"
import { eventually, registerClient } from "../helpers/store"

jest.setTimeout(300_000)

const STRIPE = "pp_stripe_stripe"
const BANK = "pp_bank_transfer_default"
const WEBHOOK_SECRET = "whsec_portico_sub_emails"
const stripe = fakeStripe(WEBHOOK_SECRET)
const DAY = 86_400_000
const ENV = {
  STRIPE_API_KEY: "sk_test_portico",
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  // Reminders 3 days before a renewal; one dunning retry a day after the first failure, then cancel.
  PORTICO_RENEWAL_REMINDER_DAYS: "3",
  PORTICO_DUNNING_RETRY_DAYS: "1",
}
const saved: Record<string, string | undefined> = {}

beforeAll(async () => {
  for (const [key, value] of Object.entries(ENV)) {
    saved[key] = process.env[key]
    process.env[key] = value
  }
  process.env.STRIPE_API_BASE_URL = await stripe.start()
})
afterAll(async () => {
  clock.reset()
  for (const key of Object.keys(ENV)) {
    if (saved[key] === undefined) delete process.env[key]
    else process.env[key] = saved[key]
  }
  await stripe.stop()
})

/** The emails of the dev mailbox whose idempotency key starts with `prefix`. */
const mails = async (prefix: string) => (await readMailbox()).filter((e) => e.idempotency_key?.startsWith(prefix))

/** Waits until exactly `n` emails with keys starting with `prefix` are in the mailbox (subscribers run after the work). */
const mailsEventually = (prefix: string, n = 1) =>
  eventually(async () => {
    const found = await mails(prefix)
    expect(found.map((e) => e.idempotency_key)).toHaveLength(n)
    return found
  })

const settle = () => new Promise((r) => setTimeout(r, 1000))

const vars = (email: MailboxEmail) => (email.data as { variables: Record<string, string> }).variables

/**
 * The subscription emails, driven like the subscriptions suite (a fake
 * Stripe, Portico's clock moved, the renewal job's pass run directly): a
 * paid renewal's receipt instead of the payment confirmation, once; the
 * renewal reminder N days before, once per period; a declined renewal with
 * its retry date and the final one; 3-D Secure and bank-transfer renewals
 * waiting for the client; cancels.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let suite: PaymentSuite
    let demo: DemoInfo
    let admin: PaymentSuite["admin"]
    let monthly: string
    const upcoming: { id: string; renewal_at: string }[] = []

    beforeAll(async () => {
      suite = await setUpPaymentSuite(api, getContainer(), {
        region: "Subscription emails (no tax)",
        providers: [STRIPE, BANK],
        services: { "Care plan": 25 },
      })
      ;({ demo, admin } = suite)
      monthly = suite.variants["Care plan"]
      await api.post(`/admin/portico/services/${suite.products["Care plan"]}/settings`, { billing_type: "recurring", interval: "month" }, admin)
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe(
          "portico.subscription.renewal_upcoming",
          async (event) => {
            upcoming.push(event.data as { id: string; renewal_at: string })
          },
          { subscriberId: "test-renewal-upcoming" }
        )
    })
    afterEach(() => clock.reset())

    const subscriptions = () => getContainer().resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)
    const emit = (name: string, data: Record<string, unknown>) => getContainer().resolve(Modules.EVENT_BUS).emit({ name, data })
    const renewalsOf = async (subscriptionId: string) =>
      subscriptions().listSubscriptionRenewals({ subscription_id: subscriptionId }, { order: { period: "DESC" } })

    /** A signed-in client buys the monthly service by card (or bank transfer, marked paid by the merchant). */
    async function subscribe(email: string, provider = STRIPE) {
      const client = await registerClient(api, demo, email)
      const { cart_id, session } = await cartWithSession(api, client.headers, suite, { email, variant_id: monthly, provider_id: provider })
      if (provider === STRIPE) {
        stripe.confirm(session.data.id as string, "ok")
      }
      const done = await api.post(`/store/carts/${cart_id}/complete`, {}, client.headers)
      expect(done.data.type).toBe("order")
      if (provider === BANK) {
        const { invoice } = (await api.get(`/store/orders/${done.data.order.id}/invoice`, client.headers)).data
        await api.post(`/admin/portico/invoices/${invoice.id}/mark-paid`, {}, admin)
      }
      const subs = await eventually(async () => {
        const { data } = await api.get(`/store/portico/subscriptions`, client.headers)
        expect(data.subscriptions).toHaveLength(1)
        return data.subscriptions as Record<string, any>[]
      })
      return { client, order: done.data.order, sub: subs[0] }
    }

    const cardOf = async (subscriptionId: string) => (await subscriptions().retrieveSubscription(subscriptionId)).payment_method_id as string

    it("reminds N days before each renewal once, and sends subscription_renewed (not the payment confirmation) once per paid renewal", async () => {
      const { sub } = await subscribe("rene.emails@example.com")
      const end = new Date(sub.next_renewal_at).getTime()
      const reminders = `portico:subscription_renewal_upcoming:${sub.id}:`

      // Four days before: outside the 3-day window, nothing.
      clock.set(new Date(end - 4 * DAY))
      expect((await sendDueRenewalReminders(getContainer())).reminded).not.toContain(sub.id)
      expect(await mails(reminders)).toHaveLength(0)
      // Two days before: one reminder and one event; again (another pass, a day later), nothing more.
      // (Asserted on the mailbox and the events: the app's own hourly job may run a pass too.)
      clock.set(new Date(end - 2 * DAY))
      await sendDueRenewalReminders(getContainer())
      expect((await sendDueRenewalReminders(getContainer())).reminded).not.toContain(sub.id)
      clock.set(new Date(end - DAY))
      await sendDueRenewalReminders(getContainer())
      const [reminder] = await mailsEventually(reminders, 1)
      expect(reminder).toMatchObject({
        to: "rene.emails@example.com",
        template: "subscription_renewal_upcoming",
        idempotency_key: `${reminders}1`,
        subject: `Your Care plan subscription renews on ${emailDate(sub.next_renewal_at)}`,
      })
      expect(vars(reminder)).toMatchObject({ amount: "$25.00", payment_method: expect.stringMatching(/•••• \d{4}|your saved card/) })
      expect(reminder.html).toContain(`/portal/subscriptions/${sub.id}"`)
      await eventually(async () => expect(upcoming.filter((e) => e.id === sub.id)).toHaveLength(1))
      expect(new Date(upcoming.find((e) => e.id === sub.id)!.renewal_at).getTime()).toBe(end)

      // The renewal is paid: the client gets the renewal receipt, not the payment confirmation.
      clock.set(new Date(end + 60_000))
      expect(await runDueRenewals(getContainer())).toMatchObject({ paid: 1, failed: [] })
      const [renewal] = await renewalsOf(sub.id)
      expect(renewal).toMatchObject({ status: "paid", invoice_id: expect.stringMatching(/^inv_/) })
      const [receipt] = await mailsEventually(`portico:subscription_renewed:${renewal.id}`, 1)
      const { data: detail } = await api.get(`/admin/portico/subscriptions/${sub.id}`, admin)
      const invoiceNumber = detail.subscription.renewals[0].invoice_number
      expect(receipt).toMatchObject({
        to: "rene.emails@example.com",
        template: "subscription_renewed",
        subject: `Your Care plan subscription is renewed (${invoiceNumber})`,
      })
      expect(vars(receipt)).toMatchObject({
        invoice_number: invoiceNumber,
        total: "$25.00",
        credit_used: "$0.00",
        period_start: emailDate(renewal.period_start),
        period_end: emailDate(renewal.period_end),
        next_renewal_date: emailDate(renewal.period_end),
        subscription_url: expect.stringMatching(new RegExp(`/portal/subscriptions/${sub.id}$`)),
      })
      expect(receipt.html).toContain(`href="${vars(receipt).subscription_url}"`)
      expect(receipt.text).toContain(invoiceNumber)
      expect(await mails(`portico:payment_confirmation:${renewal.invoice_id}`)).toHaveLength(0)

      // The paid event delivered twice more (and the post-payment work run again): nothing more.
      await emit("portico.invoice.paid", { id: renewal.invoice_id })
      await emit("portico.invoice.paid", { id: renewal.invoice_id })
      await afterPaymentWorkflow(getContainer()).run({ input: { invoice_id: renewal.invoice_id as string } })
      await settle()
      expect(await mails(`portico:subscription_renewed:${renewal.id}`)).toHaveLength(1)
      expect(await mails(`portico:payment_confirmation:${renewal.invoice_id}`)).toHaveLength(0)

      // The next period gets its own reminder (reminded_at was cleared by the renewal), once.
      const next = new Date(renewal.period_end).getTime()
      clock.set(new Date(next - 2 * DAY))
      await sendDueRenewalReminders(getContainer())
      await sendDueRenewalReminders(getContainer())
      expect((await mailsEventually(reminders, 2)).map((e) => e.idempotency_key)).toEqual([`${reminders}1`, `${reminders}2`])
      await eventually(async () => expect(upcoming.filter((e) => e.id === sub.id)).toHaveLength(2))
    })

    it("emails a declined renewal with its retry date, then the final failure with no more retries and the cancel", async () => {
      const { sub } = await subscribe("dina.emails@example.com")
      stripe.offSession(await cardOf(sub.id), "declined")
      const due = new Date(sub.next_renewal_at).getTime() + 60_000
      clock.set(new Date(due))
      await runDueRenewals(getContainer())
      const [renewal] = await renewalsOf(sub.id)
      expect(renewal).toMatchObject({ status: "retrying", attempt_count: 1 })
      const failures = `portico:subscription_payment_failed:${renewal.id}:`
      const [first] = await mailsEventually(failures, 1)
      const retryDate = emailDate(renewal.next_attempt_at)
      expect(first).toMatchObject({
        to: "dina.emails@example.com",
        template: "subscription_payment_failed",
        idempotency_key: `${failures}1`,
        subject: "Action needed: your payment of $25.00 for Care plan",
      })
      expect(vars(first)).toMatchObject({
        amount_due: "$25.00",
        problem: "Your bank declined the payment: the card has insufficient funds.",
        next_attempt_date: retryDate,
        retry: `We will try your card again on ${retryDate}.`,
      })
      expect(first.text).toContain(`We will try your card again on ${retryDate}.`)
      expect(first.text).not.toContain("insufficient_funds")
      expect(first.html).toContain(`/portal/subscriptions/${sub.id}"`)
      // The same event again: nothing more.
      await emit("portico.subscription.payment_failed", {
        id: sub.id,
        renewal_id: renewal.id,
        attempt: 1,
        code: "insufficient_funds",
        next_attempt_at: renewal.next_attempt_at,
        final: false,
      })
      await settle()
      expect(await mails(failures)).toHaveLength(1)

      // A day later the retry fails too: no more retries, the subscription is canceled.
      clock.set(new Date(due + DAY + 60_000))
      await runDueRenewals(getContainer())
      const [, last] = await mailsEventually(failures, 2)
      expect(last.idempotency_key).toBe(`${failures}2`)
      expect(vars(last)).toMatchObject({ next_attempt_date: "", retry: "We will not try again, and your subscription has been canceled." })
      expect(last.text).toContain("We will not try again")
      const [canceled] = await mailsEventually(`portico:subscription_canceled:${sub.id}:`, 1)
      expect(canceled).toMatchObject({ template: "subscription_canceled", subject: "Your Care plan subscription is canceled" })
      expect(vars(canceled).canceled_by).toBe("Its renewal payment could not be collected.")
    })

    it("asks the client to confirm a 3-D Secure renewal in the portal, and gives a bank-transfer renewal the bank details (then its receipt once marked paid)", async () => {
      const tess = await subscribe("tess.emails@example.com")
      stripe.offSession(await cardOf(tess.sub.id), "3ds")
      const bank = await subscribe("bill.emails@example.com", BANK)
      expect((await subscriptions().retrieveSubscription(bank.sub.id)).payment_provider_id).toBe(BANK)
      clock.set(new Date(Math.max(new Date(tess.sub.next_renewal_at).getTime(), new Date(bank.sub.next_renewal_at).getTime()) + 60_000))
      await runDueRenewals(getContainer())

      const [threeDs] = await renewalsOf(tess.sub.id)
      expect(threeDs).toMatchObject({ status: "requires_action", last_error_code: "payment_requires_action" })
      const [confirm] = await mailsEventually(`portico:subscription_payment_failed:${threeDs.id}:`, 1)
      expect(confirm.idempotency_key).toBe(`portico:subscription_payment_failed:${threeDs.id}:1:payment_requires_action`)
      expect(vars(confirm)).toMatchObject({ action: "Please confirm the payment in your customer portal.", retry: "" })
      expect(confirm.text).toContain("3-D Secure")
      expect(confirm.html).toContain(`href="${vars(confirm).subscription_url}"`)
      expect(vars(confirm).subscription_url).toMatch(new RegExp(`/portal/subscriptions/${tess.sub.id}$`))

      const [manual] = await renewalsOf(bank.sub.id)
      expect(manual).toMatchObject({ status: "requires_action", last_error_code: "manual_payment" })
      const [transfer] = await mailsEventually(`portico:subscription_payment_failed:${manual.id}:`, 1)
      const { data: detail } = await api.get(`/admin/portico/subscriptions/${bank.sub.id}`, admin)
      const reference = detail.subscription.renewals[0].invoice_number
      expect(reference).toMatch(/^INV-/)
      expect(transfer.idempotency_key).toBe(`portico:subscription_payment_failed:${manual.id}:0:manual_payment`)
      expect(vars(transfer)).toMatchObject({
        invoice_number: reference,
        amount_due: "$25.00",
        iban: expect.stringMatching(/\S/),
        action: expect.stringContaining(`with ${reference} as the payment reference`),
      })
      expect(vars(transfer).instructions).toContain(reference)
      expect(transfer.text).toContain(vars(transfer).iban)
      expect(transfer.text).toContain("Payment reference")
      // The transfer arrives and the merchant marks the invoice paid: the renewal receipt, not the payment confirmation.
      await api.post(`/admin/portico/invoices/${manual.invoice_id}/mark-paid`, {}, admin)
      const [receipt] = await mailsEventually(`portico:subscription_renewed:${manual.id}`, 1)
      expect(vars(receipt)).toMatchObject({ invoice_number: reference, total: "$25.00" })
      expect(await mails(`portico:payment_confirmation:${manual.invoice_id}`)).toHaveLength(0)
    })

    it("emails the cancel once: by the client now, and at the period end by the job", async () => {
      const now = await subscribe("cleo.emails@example.com")
      await api.post(`/store/portico/subscriptions/${now.sub.id}/changes`, { type: "cancel" }, now.client.headers)
      const prefix = `portico:subscription_canceled:${now.sub.id}:`
      const [canceled] = await mailsEventually(prefix, 1)
      expect(canceled).toMatchObject({ to: "cleo.emails@example.com", template: "subscription_canceled" })
      expect(vars(canceled)).toMatchObject({ canceled_by: "You canceled it.", canceled_date: emailDate(clock.now()) })
      expect(canceled.text).toContain("You canceled it.")
      expect(canceled.html).toContain(`/portal/subscriptions/${now.sub.id}"`)
      await emit("portico.subscription.status_changed", { id: now.sub.id, from: "active", to: "canceled", action: "canceled", actor_type: "customer" })
      await settle()
      expect(await mails(prefix)).toHaveLength(1)

      const later = await subscribe("lena.emails@example.com")
      await api.post(`/store/portico/subscriptions/${later.sub.id}/changes`, { type: "cancel", at_period_end: true }, later.client.headers)
      // Set to cancel at the period end: no reminder.
      clock.set(new Date(new Date(later.sub.current_period_end).getTime() - 2 * DAY))
      expect((await sendDueRenewalReminders(getContainer())).reminded).not.toContain(later.sub.id)
      await settle()
      expect(await mails(`portico:subscription_canceled:${later.sub.id}:`)).toHaveLength(0)
      clock.set(new Date(new Date(later.sub.current_period_end).getTime() + 60_000))
      await runDueRenewals(getContainer())
      const [atEnd] = await mailsEventually(`portico:subscription_canceled:${later.sub.id}:`, 1)
      expect(vars(atEnd)).toMatchObject({
        canceled_by: "It ended with the paid period, as asked.",
        canceled_date: emailDate(later.sub.current_period_end),
      })
      expect(await mails(`portico:subscription_renewal_upcoming:${later.sub.id}:`)).toHaveLength(0)
    })
  },
})
