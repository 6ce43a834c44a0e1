import { readFileSync } from "node:fs"
import path from "node:path"
import type { Browser, BrowserContext, Page, Route } from "playwright-core"
import type { StoreSubscriptionResponse, SubscriptionListResponse } from "../../src/contracts/http"
import { fakeStripe } from "../fakes/stripe"
import { adminApi, authToken, DESKTOP, env, launch, MOBILE, PASSWORD, screenshots, signUp, storeApi, storefrontUrl, text } from "./browser"

jest.setTimeout(300_000)

const STRIPE = "pp_stripe_stripe"
const REGION = "Canada (subscriptions)"
const SDK = path.join(__dirname, "sdk")
/** The URLs @stripe/stripe-js injects: https://js.stripe.com/<release>/stripe.js (v3 before). */
const STRIPE_JS = /^https:\/\/js\.stripe\.com\/(v3\/?|[a-z0-9]+\/stripe\.js)(\?.*)?$/
const SERVICE = "Monthly SEO retainer"

type Detail = StoreSubscriptionResponse["subscription"]

/** A date as the portal prints it (UTC, "Jan 31, 2027"). */
const day = (iso: string) => new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })

/** Waits until `read` returns something (polling the backend), up to `timeout` ms. */
async function until<T>(what: string, read: () => Promise<T | undefined | null | false>, timeout = 60_000): Promise<T> {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = await read()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/**
 * Subscriptions in the customer portal, in a real browser: a client buys the
 * demo's monthly SEO retainer by card (Stripe Elements against the fake
 * Stripe.js and API, as in payments.spec.ts), finds the subscription in the
 * portal; the test moves Portico's clock a month (`POST /admin/portico/clock`)
 * and runs the renewal job (`POST /admin/portico/subscriptions/renewals/run`):
 * the saved card is charged off-session and the portal shows the renewal and
 * its invoice. The client then changes the card (a SetupIntent confirmed by
 * Stripe.js; a declined card first), cancels at the end of the period, sees
 * when, undoes it, and pays by card from the portal a renewal the bank wants
 * confirmed (3-D Secure). Portico's clock is put back at the end.
 *
 * A region of its own (Canada, USD, no tax) offers the card only; it is
 * removed at the end, so the other browser tests see the demo regions unchanged.
 */
describe("subscriptions in the customer portal", () => {
  let browser: Browser
  let regionId: string
  let stripeApi: string
  let context: BrowserContext
  let page: Page
  let shot: (name: string) => Promise<void>
  let token: string
  let subscriptionId: string
  const stripe = fakeStripe(env("E2E_STRIPE_WEBHOOK_SECRET"))
  const email = `subs-${Date.now().toString(36)}@example.com`

  beforeAll(async () => {
    stripeApi = await stripe.start(Number(env("E2E_FAKE_STRIPE_PORT")))
    const { region } = await adminApi<{ region: { id: string } }>("/admin/regions", {
      body: { name: REGION, currency_code: "usd", countries: ["ca"], payment_providers: [STRIPE] },
    })
    regionId = region.id
    browser = await launch()
    context = await browser.newContext({ viewport: DESKTOP })
    await context.route(/^https:\/\/js\.stripe\.com\//, async (route) => {
      if (!STRIPE_JS.test(route.request().url())) {
        return route.fulfill({ status: 404, body: "" })
      }
      await route.fulfill({ contentType: "text/javascript", body: readFileSync(path.join(SDK, "stripe.js"), "utf8") })
    })
    await context.route(/^https:\/\/api\.stripe\.com\//, (route) => forward(route, stripeApi))
    page = await context.newPage()
    shot = screenshots(page, "subs-portal")
  })
  afterAll(async () => {
    await adminApi("/admin/portico/clock", { body: { reset: true } }).catch(() => undefined)
    await browser?.close()
    if (regionId) {
      await adminApi(`/admin/regions/${regionId}`, { method: "DELETE" })
    }
    await stripe.stop()
  })

  /** Answers a browser call with what the fake API at `base` answers to the same path. */
  async function forward(route: Route, base: string) {
    const request = route.request()
    const url = new URL(request.url())
    const method = request.method()
    const response = await fetch(`${base}${url.pathname}${url.search}`, {
      method,
      headers: request.headers()["content-type"] ? { "content-type": request.headers()["content-type"] } : {},
      body: method === "GET" || method === "HEAD" ? undefined : (request.postData() ?? undefined),
    })
    await route.fulfill({
      status: response.status,
      headers: { "content-type": "application/json", "access-control-allow-origin": "*" },
      body: await response.text(),
    })
  }

  async function fillCard(number: string) {
    await page.getByLabel("Card number").fill(number)
    await page.getByLabel("Expiration date MM / YY").fill("12/34")
    await page.getByLabel("CVC").fill("123")
  }

  /** The client's subscription as the store API answers it (with its renewals). */
  async function detail(): Promise<Detail> {
    return (await storeApi<StoreSubscriptionResponse>(`/store/portico/subscriptions/${subscriptionId}`, { token })).subscription
  }

  /** Opens a portal page once it is interactive (its buttons are React's). */
  async function open(pathname: string) {
    await page.goto(`${storefrontUrl()}${pathname}`, { waitUntil: "networkidle" })
  }

  /** Moves Portico's clock just past the end of the current period and runs the renewal job. */
  async function toNextPeriod(sub: Detail) {
    await adminApi("/admin/portico/clock", { body: { set: new Date(new Date(sub.current_period_end).getTime() + 60_000).toISOString() } })
    const run = await adminApi<{ seen: number; failed: unknown[] }>("/admin/portico/subscriptions/renewals/run", { body: {} })
    expect(run.failed).toEqual([])
  }

  it("a client buys a monthly service by card and finds the subscription in the portal", async () => {
    await signUp(page, { email, first_name: "Sue", last_name: "Scriber" })
    token = await authToken("/auth/customer/emailpass", { email, password: PASSWORD })

    // The region with the card, then the retainer into the cart.
    await page.goto(storefrontUrl(), { waitUntil: "networkidle" })
    const switched = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(storefrontUrl()))
    await page.getByTestId("region-select").selectOption({ label: `USD · ${REGION}` })
    await switched
    await page.goto(`${storefrontUrl()}/services/seo-retainer`, { waitUntil: "networkidle" })
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("added").waitFor()

    await page.goto(`${storefrontUrl()}/checkout`)
    await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor()
    await page.getByLabel("Address").fill("1 Queen Street West")
    await page.getByLabel("City").fill("Toronto")
    await page.getByLabel("Postal code").fill("M5H 2N2")
    await page.getByLabel("Country").selectOption("ca")
    await page.getByLabel("Province").selectOption("ON")
    expect(await text(page, "pay-remaining")).toBe("Pay $900.00 with:")
    await page.getByLabel(/^Card \(Stripe\)/).check()
    await page.getByLabel("Card number").waitFor()
    await fillCard("4242 4242 4242 4242")
    await page.getByTestId("place-order").click()
    await page.getByTestId("order-confirmed").waitFor({ timeout: 60_000 })
    expect(await text(page, "invoice-status")).toBe("Paid")

    // Stripe was asked to keep the card for the renewals.
    const intent = [...stripe.intents.values()].find((i) => i.status === "succeeded" && i.amount === 90000 && i.setup_future_usage)
    expect(intent).toMatchObject({ setup_future_usage: "off_session", currency: "usd" })

    // The subscription is made once the invoice is paid.
    const { subscriptions } = await until("the subscription", async () => {
      const list = await storeApi<SubscriptionListResponse>("/store/portico/subscriptions", { token })
      return list.subscriptions.length ? list : undefined
    })
    expect(subscriptions).toHaveLength(1)
    const sub = subscriptions[0]
    subscriptionId = sub.id
    // The card's label is looked up on the Stripe customer (the intent names its card by id only).
    expect(sub).toMatchObject({
      status: "active",
      title: SERVICE,
      unit_price: 900,
      interval: "month",
      has_saved_card: true,
      payment_method_label: "visa •••• 4242",
    })
    const renews = `Renews on ${day(sub.next_renewal_at!)} for $900.00`

    // The overview lists it, and the portal has a Subscriptions section.
    await open("/portal")
    const summary = page.getByTestId("subscriptions-summary")
    await summary.waitFor()
    expect(await summary.getByTestId("subscription-row-title").textContent()).toBe(SERVICE)
    await shot("overview")
    await page.getByTestId("portal-nav").getByRole("link", { name: "Subscriptions" }).click()
    await page.getByTestId("subscriptions-title").waitFor()
    expect(await page.getByTestId("portal-nav").getByRole("link", { name: "Subscriptions" }).getAttribute("aria-current")).toBe("page")
    const row = page.getByTestId("subscription-row")
    expect(await row.count()).toBe(1)
    expect(await row.getAttribute("data-status")).toBe("active")
    expect(await text(page, "subscription-row-title")).toBe(SERVICE)
    expect(await text(page, "subscription-row-price")).toBe("$900.00 / month")
    expect(await text(page, "subscription-row-next")).toBe(renews)
    expect(await text(page, "subscription-status")).toBe("Active")
    expect(await text(page, "subscription-row-card")).toBe("Visa •••• 4242")
    await shot("list")

    // Its page: the current period, the next renewal, the card, no renewal yet.
    await row.click()
    await page.getByTestId("subscription-detail").waitFor()
    expect(new URL(page.url()).pathname).toBe(`/portal/subscriptions/${subscriptionId}`)
    expect(await text(page, "subscription-title")).toBe(SERVICE)
    expect(await text(page, "subscription-price")).toBe("$900.00 / month")
    expect(await text(page, "subscription-period")).toBe(`${day(sub.current_period_start)} – ${day(sub.current_period_end)}`)
    expect(await text(page, "subscription-next")).toBe(`${day(sub.next_renewal_at!)} · $900.00`)
    await page.getByTestId("no-renewals").waitFor()
    await shot("detail")
  })

  it("a month later the saved card pays the renewal, shown with its invoice", async () => {
    const before = await detail()
    await toNextPeriod(before)
    const renewed = await until("the paid renewal", async () => {
      const sub = await detail()
      return sub.renewals[0]?.status === "paid" ? sub : undefined
    })
    const [renewal] = renewed.renewals
    expect(renewal).toMatchObject({ amount: 900, credit_amount: 0, currency_code: "usd", invoice_number: expect.stringMatching(/^INV-/) })
    expect(renewal.period_start).toBe(before.current_period_end)
    expect(renewed.current_period_start).toBe(before.current_period_end)
    // Charged off-session to the card saved at the purchase, once.
    const charges = stripe.to("POST", "/v1/payment_intents").filter((r) => r.body.off_session === "true" && r.body.amount === "90000")
    expect(charges).toHaveLength(1)

    await open(`/portal/subscriptions/${subscriptionId}`)
    const rows = page.getByTestId("renewal")
    expect(await rows.count()).toBe(1)
    expect(await rows.first().getAttribute("data-status")).toBe("paid")
    expect(await text(page, "renewal-period")).toBe(`${day(renewal.period_start)} – ${day(renewal.period_end)}`)
    expect(await text(page, "renewal-status")).toBe("Paid")
    expect(await text(page, "renewal-amount")).toBe("$900.00")
    expect(await text(page, "renewal-credit")).toBe("Credit used —")
    expect(await text(page, "subscription-period")).toBe(`${day(renewed.current_period_start)} – ${day(renewed.current_period_end)}`)
    expect(await text(page, "subscription-next")).toBe(`${day(renewed.current_period_end)} · $900.00`)
    await shot("renewed")

    // Its invoice, in the portal.
    await page.getByTestId("renewal-invoice").click()
    await page.getByTestId("invoice-detail").waitFor()
    expect(new URL(page.url()).pathname).toBe(`/portal/invoices/${renewal.invoice_number}`)
    expect(await text(page, "invoice-detail-number")).toBe(`Invoice ${renewal.invoice_number}`)
    expect(await text(page, "invoice-status")).toBe("Paid")
    expect(await page.getByTestId("invoice-line").first().textContent()).toContain(SERVICE)
    await shot("renewal-invoice")
  })

  it("updates the card: a declined card is told in words, a good one is saved by SetupIntent", async () => {
    await open(`/portal/subscriptions/${subscriptionId}`)
    await page.getByTestId("update-card").click()
    const form = page.getByTestId("card-form")
    await form.waitFor()
    await page.getByLabel("Card number").waitFor()
    await fillCard("4000 0000 0000 0002")
    await form.getByTestId("card-submit").click()
    const error = form.getByTestId("form-error")
    await error.waitFor()
    expect(await error.textContent()).toBe("Your card was declined.")
    await shot("card-declined")

    await page.getByLabel("Card number").fill("4242 4242 4242 4242")
    await form.getByTestId("card-submit").click()
    await page.getByTestId("card-saved").waitFor()
    // The page shows the subscription again as the backend has it now.
    await page.getByTestId("subscription-card").filter({ hasText: "Visa •••• 4242" }).waitFor()
    await shot("card-saved")

    // Stripe.js confirmed the backend's SetupIntent with the publishable key and its secret.
    const setups = [...stripe.setupIntents.values()]
    expect(setups.map((s) => s.status)).toEqual(["succeeded"])
    const [setup] = setups
    const confirms = stripe.to("POST", `/v1/setup_intents/${setup.id}/confirm`)
    expect(confirms.map((r) => r.body.payment_method_data.card.number)).toEqual(["4000000000000002", "4242424242424242"])
    expect(confirms[1].body).toMatchObject({ key: env("E2E_STRIPE_PUBLISHABLE_KEY"), client_secret: setup.client_secret })
    expect(setup.customer).toBeTruthy()
    const { subscription } = await adminApi(`/admin/portico/subscriptions/${subscriptionId}`)
    expect(subscription.payment_method_label).toBe("visa •••• 4242")
    expect(subscription.history.filter((h: { action: string }) => h.action === "payment_method_updated")).toEqual([
      expect.objectContaining({ actor_type: "customer" }),
    ])
  })

  it("cancels at the end of the period, sees when, and undoes it", async () => {
    const sub = await detail()
    await open(`/portal/subscriptions/${subscriptionId}`)
    await page.getByTestId("cancel").click()
    const form = page.getByTestId("cancel-form")
    await form.waitFor()
    // At the end of the period is the default; "now" offers the refund to credit.
    expect(await page.getByTestId("cancel-at-period-end").isChecked()).toBe(true)
    expect(await page.getByTestId("refund-unused").count()).toBe(0)
    await page.getByTestId("cancel-now").check()
    await page.getByTestId("refund-unused").waitFor()
    await page.getByTestId("cancel-at-period-end").check()
    await shot("cancel-confirm")
    await page.getByTestId("confirm-cancel").click()

    await page.getByTestId("cancel-scheduled").waitFor()
    expect(await text(page, "cancels-on")).toBe(`cancels on ${day(sub.current_period_end)}`)
    expect(await text(page, "subscription-next")).toBe(day(sub.current_period_end))
    expect(await text(page, "subscription-status")).toBe("Active")
    expect(await detail()).toMatchObject({ status: "active", cancel_at_period_end: true, next_renewal_at: null })
    await shot("cancel-scheduled")
    await open("/portal/subscriptions")
    expect(await text(page, "subscription-row-next")).toBe(`Cancels on ${day(sub.current_period_end)}`)
    await shot("list-cancels")

    await open(`/portal/subscriptions/${subscriptionId}`)
    await page.getByTestId("undo-cancel").click()
    await page.getByTestId("cancel-scheduled").waitFor({ state: "detached" })
    expect(await text(page, "subscription-notice")).toBe("Your subscription will renew as before.")
    expect(await text(page, "subscription-next")).toBe(`${day(sub.current_period_end)} · $900.00`)
    expect(await detail()).toMatchObject({ status: "active", cancel_at_period_end: false, next_renewal_at: sub.current_period_end })
    await shot("cancel-undone")
  })

  it("pays from the portal a renewal the bank wants confirmed (3-D Secure)", async () => {
    // The saved card now asks for authentication off-session: the renewal waits for the client.
    const [setup] = [...stripe.setupIntents.values()]
    stripe.offSession(setup.payment_method!, "3ds")
    const before = await detail()
    await toNextPeriod(before)
    const waiting = await until("the renewal waiting for the client", async () => {
      const sub = await detail()
      return sub.renewals[0]?.period === before.renewals[0].period + 1 && sub.renewals[0].status === "requires_action" ? sub : undefined
    })
    expect(waiting.status).toBe("past_due")

    // The overview says so; the subscription's page offers to pay it.
    await open("/portal")
    await page.getByTestId("subscription-to-pay").waitFor()
    expect(await text(page, "subscription-to-pay")).toContain(
      `The renewal of ${SERVICE} for ${day(waiting.renewals[0].period_start)} – ${day(waiting.renewals[0].period_end)}, $900.00, is unpaid.`
    )
    // Its open invoice is paid from the subscription, not listed again among the invoices to pay.
    expect(await page.getByTestId("invoice-to-pay").count()).toBe(0)
    await shot("overview-unpaid")
    await page.getByTestId("subscription-to-pay").getByRole("link").click()
    await page.getByTestId("unpaid-renewal").waitFor()
    await page.waitForLoadState("networkidle")
    expect(await text(page, "subscription-status")).toBe("Payment due")
    expect(await text(page, "pay-renewal")).toBe("Pay $900.00 now")
    await shot("unpaid")
    await page.getByTestId("pay-renewal").click()
    const form = page.getByTestId("pay-form")
    await form.waitFor()
    await page.getByLabel("Card number").waitFor()
    await fillCard("4000 0027 6000 3184")
    await form.getByTestId("card-submit").click()
    const challenge = page.getByRole("dialog", { name: "3-D Secure authentication" })
    await challenge.waitFor()
    expect(await challenge.textContent()).toContain("$900.00")
    await shot("challenge")
    await challenge.getByRole("button", { name: "Complete authentication" }).click()

    await page.getByTestId("unpaid-renewal").waitFor({ state: "detached", timeout: 60_000 })
    expect(await page.getByTestId("renewal").first().getAttribute("data-status")).toBe("paid")
    expect(await text(page, "subscription-status")).toBe("Active")
    const paid = await detail()
    expect(paid.status).toBe("active")
    expect(paid.renewals.map((r) => r.status)).toEqual(["paid", "paid"])
    expect(paid.current_period_start).toBe(waiting.renewals[0].period_start)
    // The card paid with now pays the next renewals (the fake names every card it did not save by SetupIntent "4242").
    expect(paid.payment_method_label).toMatch(/^visa •••• \d{4}$/)
    const [pay] = stripe.to("POST", /^\/v1\/payment_intents\/[^/]+\/confirm$/).filter((r) => r.body.payment_method_data?.card?.number === "4000002760003184")
    expect(pay.body).toMatchObject({ key: env("E2E_STRIPE_PUBLISHABLE_KEY"), payment_method_data: { billing_details: { email } } })
    await shot("paid")

    // On a phone: the sections as tabs, the renewals as stacked rows.
    await page.setViewportSize(MOBILE)
    await page.reload({ waitUntil: "networkidle" })
    await page.getByTestId("subscription-detail").waitFor()
    await shot("phone-detail")
    await open("/portal/subscriptions")
    await page.getByTestId("subscription-row").waitFor()
    await shot("phone-list")
  })
})
