import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTICO_SUBSCRIPTION_MODULE } from "../../src/modules/subscription"
import type SubscriptionModuleService from "../../src/modules/subscription/service"
import type { DueRenewalsResult } from "../../src/workflows/subscription/run-due-renewals"
import { fakeStripe } from "../fakes/stripe"
import { type PaymentSuite, setUpPaymentSuite } from "../helpers/payments"
import { freePort, type Instance, startInstance, testRedis } from "../helpers/instances"
import { buyByCard, STRIPE } from "../helpers/subscriptions"

jest.setTimeout(600_000)

const WEBHOOK_SECRET = "whsec_portico_cluster"
const stripe = fakeStripe(WEBHOOK_SECRET)
let redis: Awaited<ReturnType<typeof testRedis>>

beforeAll(async () => {
  redis = await testRedis()
  process.env.STRIPE_API_KEY = "sk_test_portico"
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
  process.env.STRIPE_API_BASE_URL = await stripe.start()
})
afterAll(async () => {
  await stripe.stop()
  await redis?.stop()
})

/**
 * Several instances (issue 18, item 8): with `REDIS_URL`, Medusa's Redis event
 * bus, workflow engine and locking are shared. Two instances renewing the same
 * due subscriptions at once charge each once per period, and the renewal job
 * runs once per tick across instances. The instances are the project started
 * twice in its own processes on the test's database and one Redis, with the
 * same fake Stripe; the test's own app (in memory, its clock never moved, so
 * its renewal job finds nothing due) sets the store up and reads the results.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let suite: PaymentSuite
    let instances: Instance[] = []

    beforeAll(async () => {
      suite = await setUpPaymentSuite(api, getContainer(), {
        region: "Cluster (no tax)",
        providers: [STRIPE],
        services: { "Cluster plan": 25 },
      })
      await api.post(
        `/admin/portico/services/${suite.products["Cluster plan"]}/settings`,
        { billing_type: "recurring", interval: "month" },
        suite.admin
      )
    })
    afterAll(async () => {
      await Promise.all(instances.map((i) => i.stop()))
    })

    /** Waits, if need be, until at least 20 s remain before the next minute (the renewal job's tick). */
    const awayFromTick = async () => {
      const intoMinute = Date.now() % 60_000
      if (intoMinute > 40_000) {
        await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 2_000))
      }
    }
    const subscriptions = () => getContainer().resolve<SubscriptionModuleService>(PORTICO_SUBSCRIPTION_MODULE)

    it("two instances renew the same due subscriptions at once: one charge, one credit debit, one order per period; the job runs once per tick", async () => {
      // Five subscriptions renewed by card, five from account credit.
      const card = await buyByCard(api, stripe, suite, { email: "carl.cluster@example.com", variant_id: suite.variants["Cluster plan"], quantity: 5 })
      const credit = await buyByCard(api, stripe, suite, { email: "cleo.cluster@example.com", variant_id: suite.variants["Cluster plan"], quantity: 5 })
      await api.post(
        `/admin/portico/customers/${credit.client.customer_id}/credit/adjustments`,
        { type: "grant", currency_code: "usd", amount: 500, note: "Prepaid" },
        suite.admin
      )
      const all = await subscriptions().listSubscriptions({}, { take: 100 })
      expect(all).toHaveLength(10)

      // The two instances, only now: the test runner snapshots the database before the first test.
      const env = {
        DATABASE_URL: dbConfig.clientUrl,
        REDIS_URL: redis.url,
        STRIPE_API_KEY: "sk_test_portico",
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_BASE_URL: process.env.STRIPE_API_BASE_URL!,
        LOG_LEVEL: "info",
      }
      instances = await Promise.all([startInstance(env, await freePort()), startInstance(env, await freePort())])
      const [first, second] = instances
      const post = async (instance: Instance, path: string, body: unknown) => {
        const res = await fetch(`${instance.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...suite.admin.headers },
          body: JSON.stringify(body),
        })
        const json = await res.json()
        expect({ path, status: res.status }).toEqual({ path, status: 200 })
        return json
      }
      /** Moves both instances' clocks (each process has its own) to a minute after the latest due date. */
      const moveBothClocks = async () => {
        const due = (await subscriptions().listSubscriptions({}, { take: 100 })).map((s) => new Date(s.current_period_end as Date).getTime())
        const at = new Date(Math.max(...due) + 60_000).toISOString()
        await Promise.all(instances.map((i) => post(i, "/admin/portico/clock", { set: at })))
      }
      const intentsBefore = stripe.to("POST", "/v1/payment_intents").length

      // 1. Both instances, twice each, at the same moment (away from a job tick, which would join in).
      await awayFromTick()
      await moveBothClocks()
      const run = (i: Instance): Promise<DueRenewalsResult> => post(i, "/admin/portico/subscriptions/renewals/run", {})
      const runs = await Promise.all([run(first), run(second), run(first), run(second)])
      expect(runs.flatMap((r) => r.failed)).toEqual([])
      expect(runs.reduce((n, r) => n + r.paid, 0)).toBe(10)
      // Both instances took part: each looked at due subscriptions.
      expect(runs[0].seen + runs[2].seen).toBeGreaterThan(0)
      expect(runs[1].seen + runs[3].seen).toBeGreaterThan(0)

      const renewals = await subscriptions().listSubscriptionRenewals({}, { take: 100 })
      expect(renewals).toHaveLength(10)
      expect(new Set(renewals.map((r) => r.subscription_id)).size).toBe(10)
      expect(renewals.every((r) => r.status === "paid" && r.period === 1)).toBe(true)
      expect(new Set(renewals.map((r) => r.order_id)).size).toBe(10)
      // Card: one off-session charge per renewal (five), each with its renewal's key.
      const charges = stripe.to("POST", "/v1/payment_intents").slice(intentsBefore)
      expect(charges).toHaveLength(5)
      const cardSubs = new Set(all.filter((s) => s.customer_id === card.client.customer_id).map((s) => s.id))
      expect(charges.map((c) => c.headers["idempotency-key"]).sort()).toEqual(
        renewals
          .filter((r) => cardSubs.has(r.subscription_id))
          .map((r) => `portico-renewal-${r.id}-1`)
          .sort()
      )
      // Credit: 500 − 5 × 25, debited once per renewal.
      const { data: balance } = await api.get(`/store/portico/credit`, credit.client.headers)
      expect(balance.accounts).toEqual([expect.objectContaining({ currency_code: "usd", balance: 375 })])
      // One order per renewal in Medusa: each client has the first order and five renewals.
      for (const who of [card, credit]) {
        const { data } = await api.get(`/store/orders?fields=id&limit=50`, who.client.headers)
        expect(data.orders).toHaveLength(6)
      }

      // 2. The scheduled job: a month later, the next tick renews all ten, run by one instance.
      const from = instances.map((i) => i.output().length)
      /** The renewal job's summary lines logged since, by instance. */
      const jobRuns = () =>
        instances.flatMap((instance, n) =>
          instance
            .output()
            .slice(from[n])
            .split("\n")
            .filter((l) => l.includes("Portico renewals:"))
            .map((l) => `instance ${n + 1}: ${l.slice(l.indexOf("Portico renewals:")).trim()}`)
        )
      try {
        await moveBothClocks()
        const deadline = Date.now() + 150_000
        for (;;) {
          const paid = (await subscriptions().listSubscriptions({}, { take: 100 })).filter((s) => s.cycles_paid === 3)
          if (paid.length === 10) break
          if (Date.now() > deadline) throw new Error(`The job renewed ${paid.length} of 10 within 150 s`)
          await new Promise((r) => setTimeout(r, 1000))
        }
        // Give a second run of the same tick time to log, then: one run, which renewed all ten.
        await new Promise((r) => setTimeout(r, 3000))
        expect(jobRuns()).toEqual([expect.stringMatching(/^instance [12]: Portico renewals: 10 paid, 0 unpaid/)])
        expect(stripe.to("POST", "/v1/payment_intents").length - intentsBefore).toBe(10)
      } finally {
        await Promise.all(instances.map((i) => i.stop()))
        instances = []
      }
    })
  },
})
