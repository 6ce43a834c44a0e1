import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { DemoInfo } from "../../scripts/seed-demo"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../src/modules/subscription"
import type SubscriptionModuleService from "../../src/modules/subscription/service"
import { clock } from "../../src/utils/clock"
import { afterPaymentWorkflow } from "../../src/workflows/service-order/workflows/after-payment"
import { runDueRenewals } from "../../src/workflows/subscription/run-due-renewals"
import { beginRenewalStep } from "../../src/workflows/subscription/steps/begin-renewal"
import { chargeRenewalStep } from "../../src/workflows/subscription/steps/charge-renewal"
import { openRenewalInvoiceStep } from "../../src/workflows/subscription/steps/open-renewal-invoice"
import { takeRenewalCreditStep } from "../../src/workflows/subscription/steps/take-renewal-credit"
import { fakeStripe } from "../fakes/stripe"
import { cartWithSession, type PaymentSuite, setUpPaymentSuite } from "../helpers/payments"
import { eventually, registerClient, response } from "../helpers/store"
import { buyByCard, STRIPE } from "../helpers/subscriptions"

jest.setTimeout(300_000)

const BANK = "pp_bank_transfer_default"
const WEBHOOK_SECRET = "whsec_portico_subs"
const stripe = fakeStripe(WEBHOOK_SECRET)
const DAY = 86_400_000

beforeAll(async () => {
  process.env.STRIPE_API_KEY = "sk_test_portico"
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
  process.env.STRIPE_API_BASE_URL = await stripe.start()
})
afterAll(async () => {
  clock.reset()
  await stripe.stop()
})

/** The renewal pipeline up to the card charge: a renewal "killed" before its order is placed. */
const upToCharge = createWorkflow("test-renewal-up-to-charge", (input: { subscription_id: string }) => {
  const start = beginRenewalStep(input)
  const id = transform({ start }, ({ start }) => ({ renewal_id: start.renewal?.id ?? "" }))
  openRenewalInvoiceStep(id)
  takeRenewalCreditStep(id)
  return new WorkflowResponse(chargeRenewalStep(id))
})

/**
 * Subscriptions: created once at payment, renewed by the job from account
 * credit and the saved card (off-session, with a per-attempt idempotency
 * key), dunning, the client's and the merchant's controls, ownership, and a
 * renewal killed mid-way and run again. Time moves with Portico's clock.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let suite: PaymentSuite
    let demo: DemoInfo
    let admin: PaymentSuite["admin"]
    let monthly: string

    beforeAll(async () => {
      suite = await setUpPaymentSuite(api, getContainer(), {
        region: "Subscriptions (no tax)",
        providers: [STRIPE, BANK],
        services: { "Care plan": 25 },
      })
      ;({ demo, admin } = suite)
      monthly = suite.variants["Care plan"]
      await api.post(
        `/admin/portico/services/${suite.products["Care plan"]}/settings`,
        { billing_type: "recurring", interval: "month", renewal_service_orders: true },
        admin
      )
    })
    afterEach(() => clock.reset())

    const subscriptions = () => getContainer().resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)

    /** A signed-in client buys the monthly service by card: their subscription and saved card. */
    async function subscribe(email: string, quantity = 1) {
      const { client, order } = await buyByCard(api, stripe, suite, { email, variant_id: monthly, quantity })
      const { data } = await api.get(`/store/portico/subscriptions`, client.headers)
      return { client, order, subs: data.subscriptions as Record<string, any>[] }
    }

    const renewalCharges = (renewalId: string) =>
      stripe.to("POST", "/v1/payment_intents").filter((r) => String(r.headers["idempotency-key"] ?? "").startsWith(`portico-renewal-${renewalId}-`))

    it("creates one subscription per recurring unit once, renews it off-session by card, once per period", async () => {
      const { client, order, subs } = await subscribe("sam.sub@example.com", 2)
      expect(subs).toHaveLength(2)
      const [sub] = subs
      expect(sub).toMatchObject({
        status: "active",
        currency_code: "usd",
        unit_price: 25,
        interval: "month",
        cycles_paid: 1,
        has_saved_card: true,
        order_id: order.id,
        next_renewal_amount: 25,
      })
      // The first purchase's invoice paid again (a duplicated event) creates nothing more.
      const { invoice } = (await api.get(`/store/orders/${order.id}/invoice`, client.headers)).data
      await afterPaymentWorkflow(getContainer()).run({ input: { invoice_id: invoice.id, notify: false } })
      expect((await api.get(`/store/portico/subscriptions`, client.headers)).data.count).toBe(2)

      // A month later the job renews both, each charged off-session once.
      clock.set(new Date(new Date(sub.next_renewal_at).getTime() + 60_000))
      const run = await runDueRenewals(getContainer())
      expect(run).toMatchObject({ paid: 2, failed: [] })
      const { data: detail } = await api.get(`/store/portico/subscriptions/${sub.id}`, client.headers)
      expect(detail.subscription).toMatchObject({ status: "active", cycles_paid: 2 })
      const [renewal] = detail.subscription.renewals
      expect(renewal).toMatchObject({ period: 1, status: "paid", amount: 25, credit_amount: 0, invoice_number: expect.stringMatching(/^INV-/) })
      const charges = renewalCharges(renewal.id)
      expect(charges).toHaveLength(1)
      expect(charges[0].headers["idempotency-key"]).toBe(`portico-renewal-${renewal.id}-1`)
      expect(charges[0].body).toMatchObject({
        amount: "2500",
        currency: "usd",
        confirm: "true",
        off_session: "true",
        payment_method: expect.stringMatching(/^pm_/),
        customer: expect.stringMatching(/^cus_/),
        metadata: { session_id: expect.stringMatching(/^payses_/) },
      })
      // The period runs from the end of the first, computed from the anchor.
      expect(detail.subscription.current_period_start).toBe(sub.current_period_end)
      // The period's order is a Medusa order, paid, and its invoice is paid.
      const { data: adminOrder } = await api.get(
        `/admin/orders/${renewal.order_id}?fields=id,total,payment_status,customer_id,*items`,
        admin
      )
      expect(adminOrder.order).toMatchObject({ customer_id: client.customer_id, payment_status: "captured" })
      expect(Number(adminOrder.order.total)).toBe(25)
      const { data: renewalInvoice } = await api.get(`/store/portico/invoices/${renewal.invoice_number}`, client.headers)
      expect(renewalInvoice.invoice).toMatchObject({ status: "paid", order_id: renewal.order_id })
      // The service asks for a service order per renewal.
      const { data: so } = await api.get(`/store/portico/orders/${renewal.order_id}/service-orders`, client.headers)
      expect(so.service_orders).toHaveLength(1)

      // Run again, and twice at once a month later: one charge per subscription and period.
      await runDueRenewals(getContainer())
      expect(renewalCharges(renewal.id)).toHaveLength(1)
      clock.set(new Date(new Date(detail.subscription.current_period_end).getTime() + 60_000))
      const before = stripe.to("POST", "/v1/payment_intents").length
      const both = await Promise.all([runDueRenewals(getContainer()), runDueRenewals(getContainer())])
      expect(both[0].paid + both[1].paid).toBe(2)
      expect(stripe.to("POST", "/v1/payment_intents").length - before).toBe(2)
      const { data: after } = await api.get(`/store/portico/subscriptions/${sub.id}`, client.headers)
      expect(after.subscription.cycles_paid).toBe(3)
      expect(after.subscription.renewals.map((r: { period: number; status: string }) => [r.period, r.status])).toEqual([
        [2, "paid"],
        [1, "paid"],
      ])
    })

    it("pays renewals from account credit first, then the card for the rest", async () => {
      const { client, subs } = await subscribe("cora.sub@example.com")
      const [sub] = subs
      await api.post(
        `/admin/portico/customers/${client.customer_id}/credit/adjustments`,
        { type: "grant", currency_code: "usd", amount: 30, note: "Prepaid" },
        admin
      )
      clock.set(new Date(new Date(sub.next_renewal_at).getTime() + 60_000))
      await runDueRenewals(getContainer())
      let { data } = await api.get(`/store/portico/subscriptions/${sub.id}`, client.headers)
      const [fromCredit] = data.subscription.renewals
      expect(fromCredit).toMatchObject({ status: "paid", credit_amount: 25 })
      expect(renewalCharges(fromCredit.id)).toHaveLength(0)
      const { data: inv } = await api.get(`/store/portico/invoices/${fromCredit.invoice_number}`, client.headers)
      expect(inv.invoice).toMatchObject({ status: "paid", credit_total: 25, total: 0 })

      // 5 left: the next renewal takes it and charges 20 to the card.
      clock.set(new Date(new Date(data.subscription.current_period_end).getTime() + 60_000))
      await runDueRenewals(getContainer())
      ;({ data } = await api.get(`/store/portico/subscriptions/${sub.id}`, client.headers))
      const [both] = data.subscription.renewals
      expect(both).toMatchObject({ status: "paid", credit_amount: 5 })
      const [charge] = renewalCharges(both.id)
      expect(charge.body).toMatchObject({ amount: "2000", off_session: "true" })
      const { data: credit } = await api.get(`/store/portico/credit`, client.headers)
      expect(credit.accounts).toEqual([expect.objectContaining({ currency_code: "usd", balance: 0 })])
    })

    it("retries a declined renewal on the dunning schedule, then cancels; a hard decline and 3-D Secure stop at once", async () => {
      const { client, subs } = await subscribe("dan.sub@example.com")
      const [sub] = subs
      const pm = (await subscriptions().retrieveSubscription(sub.id)).payment_method_id as string
      stripe.offSession(pm, "declined")
      const due = new Date(sub.next_renewal_at).getTime() + 60_000
      clock.set(new Date(due))
      await runDueRenewals(getContainer())
      let { data } = await api.get(`/admin/portico/subscriptions/${sub.id}`, admin)
      expect(data.subscription.status).toBe("past_due")
      let [renewal] = data.subscription.renewals
      expect(renewal).toMatchObject({ status: "retrying", attempt_count: 1, last_error_code: "insufficient_funds" })
      // A day after the failure (Portico's clock runs on from where the test set it).
      expect(new Date(renewal.next_attempt_at).getTime() - (due + DAY)).toBeGreaterThanOrEqual(0)
      expect(new Date(renewal.next_attempt_at).getTime() - (due + DAY)).toBeLessThan(30_000)
      // Not due yet: nothing is tried.
      clock.set(new Date(due + DAY - 60_000))
      await runDueRenewals(getContainer())
      expect(renewalCharges(renewal.id)).toHaveLength(1)
      // 1, 3, 5, 7 days after the first failure; then canceled.
      for (const [days, attempts] of [
        [1, 2],
        [3, 3],
        [5, 4],
        [7, 5],
      ]) {
        clock.set(new Date(due + days * DAY + 60_000))
        await runDueRenewals(getContainer())
        expect(renewalCharges(renewal.id)).toHaveLength(attempts)
      }
      ;({ data } = await api.get(`/admin/portico/subscriptions/${sub.id}`, admin))
      ;[renewal] = data.subscription.renewals
      expect(renewal).toMatchObject({ status: "failed", attempt_count: 5 })
      expect(renewal.attempts.map((a: { idempotency_key: string }) => a.idempotency_key)).toEqual(
        [1, 2, 3, 4, 5].map((n) => `portico-renewal-${renewal.id}-${n}`)
      )
      expect(data.subscription).toMatchObject({ status: "canceled" })
      expect(data.subscription.history.map((h: { action: string }) => h.action)).toEqual([
        "created",
        "payment_failed",
        "payment_failed",
        "payment_failed",
        "payment_failed",
        "canceled",
      ])
      // Its invoice stays open (unpaid), the client sees the subscription canceled.
      expect((await api.get(`/store/portico/subscriptions/${sub.id}`, client.headers)).data.subscription.status).toBe("canceled")

      const hard = await subscribe("hal.sub@example.com")
      stripe.offSession((await subscriptions().retrieveSubscription(hard.subs[0].id)).payment_method_id as string, "hard_decline")
      const threeDs = await subscribe("tess.sub@example.com")
      stripe.offSession((await subscriptions().retrieveSubscription(threeDs.subs[0].id)).payment_method_id as string, "3ds")
      clock.set(new Date(Math.max(new Date(hard.subs[0].next_renewal_at).getTime(), new Date(threeDs.subs[0].next_renewal_at).getTime()) + 60_000))
      await runDueRenewals(getContainer())
      const { data: h } = await api.get(`/admin/portico/subscriptions/${hard.subs[0].id}`, admin)
      expect(h.subscription.status).toBe("canceled")
      expect(h.subscription.renewals[0]).toMatchObject({ status: "failed", attempt_count: 1, last_error_code: "stolen_card" })
      const { data: t } = await api.get(`/admin/portico/subscriptions/${threeDs.subs[0].id}`, admin)
      expect(t.subscription.status).toBe("past_due")
      expect(t.subscription.renewals[0]).toMatchObject({ status: "requires_action", last_error_code: "payment_requires_action" })
      // Waiting for the client: the job does not charge it again.
      clock.advance(3 * DAY)
      await runDueRenewals(getContainer())
      expect(renewalCharges(t.subscription.renewals[0].id)).toHaveLength(1)
      // The client pays it in the portal and closes the page: Stripe's webhook (twice) settles it, once.
      const waiting = t.subscription.renewals[0]
      const { data: started } = await api.post(
        `/store/portico/subscriptions/${threeDs.subs[0].id}/renewals/${waiting.id}/payment`,
        {},
        threeDs.client.headers
      )
      const intentId = started.payment_session.data.id as string
      stripe.confirm(intentId, "ok")
      for (let i = 0; i < 2; i++) {
        const event = stripe.event("payment_intent.succeeded", intentId)
        expect((await response(api.post(`/hooks/payment/stripe_stripe`, event.payload, { headers: event.headers }))).status).toBe(200)
      }
      const settled = await eventually(async () => {
        const { data } = await api.get(`/admin/portico/subscriptions/${threeDs.subs[0].id}`, admin)
        expect(data.subscription).toMatchObject({ status: "active", cycles_paid: 2 })
        return data.subscription
      }, 20_000)
      expect(settled.renewals[0]).toMatchObject({ id: waiting.id, status: "paid", order_id: expect.stringMatching(/^order_/) })
      const { data: orders } = await api.get(`/admin/orders?customer_id=${threeDs.client.customer_id}&fields=id`, admin)
      expect(orders.orders).toHaveLength(2)
    })

    it("lets the client cancel, undo, pause and resume their own subscription only; invalid changes are refused", async () => {
      const { client, subs } = await subscribe("pia.sub@example.com")
      const other = await registerClient(api, demo, "oscar.sub@example.com")
      const [sub] = subs
      const change = (body: Record<string, unknown>, h = client.headers) =>
        response(api.post(`/store/portico/subscriptions/${sub.id}/changes`, body, h))

      // Another client: 404 everywhere, nothing changes.
      expect((await response(api.get(`/store/portico/subscriptions/${sub.id}`, other.headers))).status).toBe(404)
      expect((await change({ type: "cancel" }, other.headers)).status).toBe(404)
      expect((await api.get(`/store/portico/subscriptions`, other.headers)).data.count).toBe(0)
      // Bad input: 400 with the field.
      const bad = await change({ type: "cancel", at_period_end: "soon" })
      expect(bad.status).toBe(400)
      expect((await change({ type: "explode" })).status).toBe(400)
      const resumeActive = await change({ type: "resume" })
      expect(resumeActive.status).toBe(400)
      expect(resumeActive.data.code).toBe("invalid_subscription_transition")

      let res = await change({ type: "cancel", at_period_end: true })
      expect(res.data.subscription).toMatchObject({ status: "active", cancel_at_period_end: true, next_renewal_at: null })
      expect((await change({ type: "cancel", at_period_end: true })).data.code).toBe("invalid_subscription_transition")
      res = await change({ type: "undo_cancel" })
      expect(res.data.subscription).toMatchObject({ status: "active", cancel_at_period_end: false })

      res = await change({ type: "pause" })
      expect(res.data.subscription.status).toBe("paused")
      // Paused past the period: no renewal; resumed, a new period starts and is charged at once.
      clock.set(new Date(new Date(sub.next_renewal_at).getTime() + 10 * DAY))
      await runDueRenewals(getContainer())
      expect((await subscriptions().listSubscriptionRenewals({ subscription_id: sub.id })).length).toBe(0)
      res = await change({ type: "resume" })
      expect(res.data.subscription).toMatchObject({ status: "active", cycles_paid: 2 })
      expect(Math.abs(new Date(res.data.subscription.current_period_start).getTime() - clock.now().getTime())).toBeLessThan(60_000)
      expect(new Date(res.data.subscription.current_period_end).getTime()).toBeGreaterThan(clock.now().getTime() + 27 * DAY)

      // Cancel at the period end: the job cancels it then, without charging.
      await change({ type: "cancel", at_period_end: true })
      clock.set(new Date(new Date(res.data.subscription.current_period_end).getTime() + 60_000))
      const charges = stripe.to("POST", "/v1/payment_intents").length
      await runDueRenewals(getContainer())
      expect(stripe.to("POST", "/v1/payment_intents").length).toBe(charges)
      const { data } = await api.get(`/store/portico/subscriptions/${sub.id}`, client.headers)
      expect(data.subscription.status).toBe("canceled")
      expect((await change({ type: "cancel" })).data.code).toBe("invalid_subscription_transition")
    })

    it("cancels now with the unused part refunded to credit; the merchant moves the renewal date", async () => {
      const { client, subs } = await subscribe("rita.sub@example.com")
      const [sub] = subs
      const start = new Date(sub.current_period_start).getTime()
      const end = new Date(sub.current_period_end).getTime()
      // The merchant moves the next renewal; then the client cancels a quarter into the (new) period.
      const moved = new Date(end + 10 * DAY)
      const { data: m } = await api.post(`/admin/portico/subscriptions/${sub.id}/changes`, { type: "move_renewal", renewal_at: moved.toISOString() }, admin)
      expect(m.subscription.next_renewal_at).toBe(moved.toISOString())
      expect((await response(api.post(`/admin/portico/subscriptions/${sub.id}/changes`, { type: "move_renewal", renewal_at: "2001-01-01T00:00:00Z" }, admin))).data.code).toBe(
        "invalid_renewal_date"
      )
      clock.set(new Date(start + (moved.getTime() - start) / 4))
      const { data } = await api.post(`/store/portico/subscriptions/${sub.id}/changes`, { type: "cancel", refund_unused: true }, client.headers)
      expect(data.subscription.status).toBe("canceled")
      const { data: credit } = await api.get(`/store/portico/credit`, client.headers)
      // A quarter of 25 USD used: 18.75 left, rounded down (the clock ran on a few milliseconds).
      expect(credit.accounts[0].balance).toBeGreaterThanOrEqual(18.7)
      expect(credit.accounts[0].balance).toBeLessThanOrEqual(18.75)
    })

    it("lets the client pay a renewal that needs them, and give a new card that retries the unpaid renewal at once", async () => {
      const tess = await subscribe("tina.sub@example.com")
      const [sub] = tess.subs
      const other = await registerClient(api, demo, "olga.sub@example.com")
      stripe.offSession((await subscriptions().retrieveSubscription(sub.id)).payment_method_id as string, "3ds")
      clock.set(new Date(new Date(sub.next_renewal_at).getTime() + 60_000))
      await runDueRenewals(getContainer())
      let { data } = await api.get(`/store/portico/subscriptions/${sub.id}`, tess.client.headers)
      const [renewal] = data.subscription.renewals
      expect(renewal.status).toBe("requires_action")
      const base = `/store/portico/subscriptions/${sub.id}/renewals/${renewal.id}`
      // Another client cannot start or complete it.
      expect((await response(api.post(`${base}/payment`, {}, other.headers))).status).toBe(404)
      expect((await response(api.post(`${base}/complete`, {}, other.headers))).status).toBe(404)

      const { data: started } = await api.post(`${base}/payment`, {}, tess.client.headers)
      expect(started.payment_session).toMatchObject({ amount: 25, currency_code: "usd", data: { client_secret: expect.stringMatching(/_secret_/) } })
      const create = stripe.to("POST", "/v1/payment_intents").find((r) => r.body.metadata?.session_id === started.payment_session.id)!
      expect(create.body).toMatchObject({ amount: "2500", setup_future_usage: "off_session", customer: expect.stringMatching(/^cus_/) })
      expect(create.body.off_session).toBeUndefined()
      // Not confirmed yet: refused, nothing changes.
      const early = await response(api.post(`${base}/complete`, {}, tess.client.headers))
      expect(early.status).toBe(400)
      expect(early.data.code).toBe("payment_requires_action")
      stripe.confirm(started.payment_session.data.id, "ok")
      ;({ data } = await api.post(`${base}/complete`, {}, tess.client.headers))
      expect(data.subscription).toMatchObject({ status: "active", cycles_paid: 2 })
      expect(data.subscription.renewals[0]).toMatchObject({ status: "paid", order_id: expect.stringMatching(/^order_/) })
      // Paid once: completing again is refused, the job charges nothing more.
      expect((await response(api.post(`${base}/complete`, {}, tess.client.headers))).data.code).toBe("renewal_not_open")
      // The card paid with in the portal pays the next renewals.
      const paidWith = stripe.intents.get(started.payment_session.data.id)!.payment_method
      expect((await subscriptions().retrieveSubscription(sub.id)).payment_method_id).toBe(paidWith)

      // Next month the card is declined; the client gives a new one, which is charged at once.
      stripe.offSession(paidWith as string, "declined")
      clock.set(new Date(new Date(data.subscription.current_period_end).getTime() + 60_000))
      await runDueRenewals(getContainer())
      ;({ data } = await api.get(`/store/portico/subscriptions/${sub.id}`, tess.client.headers))
      expect(data.subscription.status).toBe("past_due")
      const declined = data.subscription.renewals[0]
      expect((await response(api.post(`/store/portico/subscriptions/${sub.id}/payment-method/setup`, {}, other.headers))).status).toBe(404)
      const { data: setup } = await api.post(`/store/portico/subscriptions/${sub.id}/payment-method/setup`, {}, tess.client.headers)
      expect(setup.setup).toMatchObject({ id: expect.stringMatching(/^seti_/), client_secret: expect.stringMatching(/_secret_/) })
      expect(stripe.setupIntents.get(setup.setup.id)).toMatchObject({ customer: expect.stringMatching(/^cus_/), usage: "off_session" })
      // A card that is not on the client's Stripe customer is refused.
      const foreign = await response(
        api.post(`/store/portico/subscriptions/${sub.id}/payment-method`, { payment_method_id: "pm_someone_else" }, tess.client.headers)
      )
      expect(foreign.status).toBe(400)
      expect(foreign.data.code).toBe("invalid_payment_method")
      const confirmed = stripe.confirmSetup(setup.setup.id, "4242424242424242").body as { payment_method: string }
      ;({ data } = await api.post(
        `/store/portico/subscriptions/${sub.id}/payment-method`,
        { payment_method_id: confirmed.payment_method },
        tess.client.headers
      ))
      expect(data.subscription).toMatchObject({ status: "active", cycles_paid: 3, payment_method_label: "visa •••• 4242" })
      expect(data.subscription.renewals[0]).toMatchObject({ id: declined.id, status: "paid" })
      const charges = renewalCharges(declined.id)
      expect(charges).toHaveLength(2)
      expect(charges[1].body).toMatchObject({ payment_method: confirmed.payment_method, off_session: "true" })
      expect(charges[1].headers["idempotency-key"]).toBe(`portico-renewal-${declined.id}-2`)
    })

    it("invoices a renewal bought by bank transfer for the client to pay; the merchant marks it paid", async () => {
      const bea = await registerClient(api, demo, "bea.sub@example.com")
      const { cart_id } = await cartWithSession(api, bea.headers, suite, { email: "bea.sub@example.com", variant_id: monthly, provider_id: BANK })
      const done = await api.post(`/store/carts/${cart_id}/complete`, {}, bea.headers)
      const { invoice } = (await api.get(`/store/orders/${done.data.order.id}/invoice`, bea.headers)).data
      expect(invoice.status).toBe("open")
      // No subscription until the first invoice is paid.
      expect((await api.get(`/store/portico/subscriptions`, bea.headers)).data.count).toBe(0)
      await api.post(`/admin/portico/invoices/${invoice.id}/mark-paid`, {}, admin)
      // The post-payment work runs on the paid event, just after the answer.
      const list = await eventually(async () => {
        const { data } = await api.get(`/store/portico/subscriptions`, bea.headers)
        expect(data.subscriptions).toEqual([
          expect.objectContaining({ payment_provider_id: BANK, has_saved_card: false, payment_method_label: null }),
        ])
        return data
      })
      const [sub] = list.subscriptions

      clock.set(new Date(new Date(sub.next_renewal_at).getTime() + 60_000))
      const before = stripe.to("POST", "/v1/payment_intents").length
      await runDueRenewals(getContainer())
      expect(stripe.to("POST", "/v1/payment_intents").length).toBe(before)
      let { data } = await api.get(`/admin/portico/subscriptions/${sub.id}`, admin)
      expect(data.subscription.status).toBe("past_due")
      const [renewal] = data.subscription.renewals
      expect(renewal).toMatchObject({ status: "requires_action", last_error_code: "manual_payment", invoice_number: expect.stringMatching(/^INV-/) })
      // Voiding a renewal's invoice is refused (pause or cancel instead); marking it paid settles the renewal, once.
      expect((await response(api.post(`/admin/portico/invoices/${renewal.invoice_id}/void`, {}, admin))).data.code).toBe("invoice_not_open")
      await api.post(`/admin/portico/invoices/${renewal.invoice_id}/mark-paid`, {}, admin)
      const twice = await response(api.post(`/admin/portico/invoices/${renewal.invoice_id}/mark-paid`, {}, admin))
      expect(twice.data.code).toBe("invoice_not_open")
      ;({ data } = await api.get(`/admin/portico/subscriptions/${sub.id}`, admin))
      expect(data.subscription).toMatchObject({ status: "active", cycles_paid: 2 })
      expect(data.subscription.renewals[0]).toMatchObject({ status: "paid", order_id: expect.stringMatching(/^order_/) })
      const { data: order } = await api.get(`/admin/orders/${data.subscription.renewals[0].order_id}?fields=id,payment_status,total`, admin)
      expect(order.order).toMatchObject({ payment_status: "captured" })
      const { data: inv } = await api.get(`/store/portico/invoices/${renewal.invoice_number}`, bea.headers)
      expect(inv.invoice.status).toBe("paid")
    })

    it("a renewal killed after the charge and run again charges once and places one order", async () => {
      const { client, subs } = await subscribe("kim.sub@example.com")
      const [sub] = subs
      clock.set(new Date(new Date(sub.next_renewal_at).getTime() + 60_000))
      // Killed right after the charge succeeded (before the order and the paid invoice).
      const { result: charged } = await upToCharge(getContainer()).run({ input: { subscription_id: sub.id } })
      expect(charged.outcome).toBe("paid")
      // Killed after only the renewal row was written, too (a second run of the first step finds it).
      await subscriptions().beginRenewal(sub.id, clock.now())
      await runDueRenewals(getContainer())
      await runDueRenewals(getContainer())
      const { data } = await api.get(`/store/portico/subscriptions/${sub.id}`, client.headers)
      expect(data.subscription.renewals).toHaveLength(1)
      const [renewal] = data.subscription.renewals
      expect(renewal.status).toBe("paid")
      expect(renewalCharges(renewal.id)).toHaveLength(1)
      const { data: orders } = await api.get(`/admin/orders?customer_id=${client.customer_id}&fields=id`, admin)
      expect(orders.orders).toHaveLength(2)
    })

    it("a cancel after a charge went through (the run killed before its order) settles that period first", async () => {
      const { client, subs } = await subscribe("lou.sub@example.com")
      const [sub] = subs
      clock.set(new Date(new Date(sub.next_renewal_at).getTime() + 60_000))
      const { result: charged } = await upToCharge(getContainer()).run({ input: { subscription_id: sub.id } })
      expect(charged.outcome).toBe("paid")
      const { data } = await api.post(`/store/portico/subscriptions/${sub.id}/changes`, { type: "cancel" }, client.headers)
      expect(data.subscription).toMatchObject({ status: "canceled", cycles_paid: 2 })
      const [renewal] = data.subscription.renewals
      expect(renewal).toMatchObject({ status: "paid", order_id: expect.stringMatching(/^order_/) })
      expect(renewalCharges(renewal.id)).toHaveLength(1)
      const { data: inv } = await api.get(`/store/portico/invoices/${renewal.invoice_number}`, client.headers)
      expect(inv.invoice.status).toBe("paid")
    })
  },
})
