import type { Browser, BrowserContext, Page } from "playwright-core"
import { adminApi, authToken, backendUrl, DESKTOP, env, launch, SCREENSHOTS, screenshots, storeApi, text } from "./browser"

// The first admin page compiles the dashboard (Vite, `medusa develop`): minutes on a busy machine.
jest.setTimeout(300_000)

const admin = (path: string) => `${backendUrl()}/app${path}`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls `read` every half second until `done` holds (or throws after `timeout` ms with the last value). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = await read()
    if (done(value)) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: still ${JSON.stringify(value).slice(0, 500)}`)
    }
    await sleep(500)
  }
}

/**
 * The merchant's Subscriptions pages in the Medusa admin, against the running
 * backend. A client with an account buys a monthly service of the test's own
 * (paid with account credit granted for it, so no browser payment), which
 * starts a subscription; the merchant finds it in the list (status filter),
 * opens it, pauses and resumes it, has a past renewal date refused on the
 * field, opens "Cancel now", cancels at period end and undoes it, sees a
 * refusal as a toast when the page is stale, then sees two renewals (one paid from credit, one waiting for the
 * client: no saved card) in the renewals table and retries the unpaid one;
 * the customer and order pages list the subscription. Renewals are made due
 * by moving the renewal date a few seconds ahead through the API (Portico's
 * clock is not moved: the stack is shared by the other browser specs).
 */
describe("admin subscriptions", () => {
  let browser: Browser
  let context: BrowserContext
  const stamp = Date.now().toString(36)
  const problems: string[] = []
  const service = { id: "", title: `E2E care plan ${stamp}`, handle: `e2e-care-plan-${stamp}` }
  const email = `subs-admin-${stamp}@example.com`
  let customerId = ""
  let orderId = ""
  let subscriptionId = ""

  const subscription = async () => (await adminApi(`/admin/portico/subscriptions/${subscriptionId}`)).subscription
  const change = (body: Record<string, unknown>) =>
    adminApi(`/admin/portico/subscriptions/${subscriptionId}/changes`, { body })
  const grant = (amount: number, note: string) =>
    adminApi(`/admin/portico/customers/${customerId}/credit/adjustments`, {
      body: { type: "grant", currency_code: "usd", amount, note },
    })

  /** Makes the next renewal due in a few seconds, runs the renewal pass, and waits for the renewal of `period`. */
  async function renew(period: number, status: string) {
    await change({ type: "move_renewal", renewal_at: new Date(Date.now() + 3_000).toISOString() })
    await sleep(4_000)
    await adminApi("/admin/portico/subscriptions/renewals/run", { body: {} })
    // The backend's own job (every minute) may have got there first: either way, wait for the outcome.
    await until(
      subscription,
      (s) => s.renewals.some((r: { period: number; status: string }) => r.period === period && r.status === status),
      `renewal ${period} ${status}`
    )
  }

  beforeAll(async () => {
    // A monthly service in the store's sales channel, 25 USD.
    const { stores } = await adminApi<{ stores: { default_sales_channel_id: string }[] }>("/admin/stores")
    const { product } = await adminApi("/admin/products", {
      body: {
        title: service.title,
        handle: service.handle,
        status: "published",
        options: [{ title: "Plan", values: ["Standard"] }],
        variants: [
          { title: "Standard", options: { Plan: "Standard" }, manage_inventory: false, prices: [{ amount: 25, currency_code: "usd" }] },
        ],
        sales_channels: [{ id: stores[0].default_sales_channel_id }],
      },
    })
    service.id = product.id
    await adminApi(`/admin/portico/services/${service.id}/settings`, { body: { billing_type: "recurring", interval: "month" } })

    // A client with an account buys it; credit granted for exactly the cart's total (25 + 8 % US sales tax) pays it all.
    const password = "secret-123"
    const registration = await authToken("/auth/customer/emailpass/register", { email, password })
    const { customer } = await storeApi("/store/customers", { body: { email, first_name: "Sasha", last_name: "Subscriber" }, token: registration })
    customerId = customer.id
    await grant(27, "Pays the first month (browser test)")
    const token = await authToken("/auth/customer/emailpass", { email, password })
    const client = <T = any>(path: string, body?: unknown) => storeApi<T>(path, { body, token })
    const { regions } = await storeApi<{ regions: { id: string; currency_code: string }[] }>("/store/regions")
    const usd = regions.find((r) => r.currency_code === "usd")!
    const address = { first_name: "Sasha", last_name: "Subscriber", address_1: "1 Main Street", city: "New York", postal_code: "10001", country_code: "us" }
    const { cart } = await client("/store/carts", { region_id: usd.id, email, shipping_address: address, billing_address: address })
    await client(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 })
    // The credit follows the cart a moment later (reads never write); the checkout would apply it anyway.
    const priced = await until(
      () => client(`/store/carts/${cart.id}?fields=+total,+credit_line_total`).then((r) => r.cart),
      (c) => c.credit_line_total === 27,
      "cart paid by credit"
    )
    expect(priced.total).toBe(0)
    const completed = await client(`/store/carts/${cart.id}/complete`, {})
    expect(completed.type).toBe("order")
    orderId = completed.order.id
    // The subscription starts once the invoice is paid (a subscriber, right after the order).
    const { subscriptions } = await until(
      () => adminApi(`/admin/portico/subscriptions?customer_id=${customerId}`),
      (r) => r.count === 1,
      "subscription created"
    )
    subscriptionId = subscriptions[0].id

    browser = await launch()
    context = await browser.newContext({ viewport: DESKTOP })
    context.on("console", (m) => m.type() === "error" && problems.push(m.text()))
    context.on("weberror", (e) => problems.push(String(e.error())))
    const page = await context.newPage()
    await page.goto(admin("/login"), { timeout: 240_000 })
    await page.locator('input[name="email"]').fill(env("E2E_ADMIN_EMAIL"))
    await page.locator('input[name="password"]').fill(env("E2E_ADMIN_PASSWORD"))
    await page.getByRole("button", { name: "Continue" }).click()
    await page.waitForURL(/\/app\/orders/, { timeout: 180_000 })
    await page.close()
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    // The stack is shared by the browser specs: leave the store's catalog as the demo seeded it.
    if (subscriptionId) {
      await change({ type: "cancel" }).catch(() => undefined)
    }
    if (service.id) {
      await adminApi(`/admin/products/${service.id}`, { method: "DELETE" })
    }
    // Let the backend close this file's idle keep-alive connections (Node's 5 s) before the next
    // file starts: on a busy machine the next file's first fetch could otherwise reuse a socket
    // the server is closing and fail with "other side closed" (undici's keep-alive race).
    await sleep(6_000)
  }, 60_000)

  /**
   * Opens an admin page and waits for `ready`; a page not up after two
   * minutes (Vite compiling or restarting) is recorded and loaded once more.
   */
  async function open(path: string, ready: string) {
    const page = await context.newPage()
    page.setDefaultTimeout(60_000)
    for (let attempt = 1; ; attempt++) {
      await page.goto(admin(path), { timeout: 180_000 })
      try {
        await page.getByTestId(ready).waitFor({ timeout: 120_000 })
        return page
      } catch (e) {
        await page.screenshot({ path: `${SCREENSHOTS}/admin-subscriptions-stuck-${ready}-${attempt}.png` })
        console.warn(`${path}: no ${ready} after 2 min (attempt ${attempt}).\nBrowser errors:\n${problems.slice(-10).join("\n")}`)
        if (attempt === 2) {
          throw e
        }
      }
    }
  }

  /** Confirms the open prompt with its `button`. */
  const confirm = (page: Page, button: string) => page.getByRole("alertdialog").getByRole("button", { name: button }).click()

  it("lists the subscription, pauses and resumes it, cancels at period end and undoes it, shows refusals, the renewals and a retry", async () => {
    const page = await open(`/subscriptions?customer_id=${customerId}`, "subscription-table")
    const shot = screenshots(page, "admin-subscriptions")

    // The list, filtered by this client (URL) and by status (menu).
    await page.getByTestId("subscription-status-filter").click()
    await page.getByTestId("subscription-status-option-active").click()
    await page.keyboard.press("Escape")
    await page.getByTestId("subscription-status-filter").filter({ hasText: "Active" }).waitFor()
    const row = page.getByTestId("subscription-row")
    await row.first().waitFor()
    expect(await row.count()).toBe(1)
    expect(await text(page, "subscription-email")).toBe(email)
    expect(await text(page, "subscription-title")).toBe(service.title)
    expect(await text(page, "subscription-status")).toBe("Active")
    expect(await text(page, "subscription-price")).toBe("$25.00 / month")
    expect(await text(page, "subscription-card")).toBe("Invoiced")
    expect(await text(page, "subscription-next-renewal")).not.toBe("—")
    await shot("list")

    // The detail: facts, links, no renewal yet, the first history entry.
    await row.click()
    await page.getByTestId("subscription-detail").waitFor()
    expect(await text(page, "subscription-heading")).toBe(service.title)
    expect(await text(page, "subscription-detail-status")).toBe("Active")
    expect(await text(page, "subscription-fact-price")).toBe("$25.00 / month")
    expect(await text(page, "subscription-fact-interval")).toBe("every month")
    expect(await text(page, "subscription-fact-cycles")).toBe("1 (until canceled)")
    expect(await page.getByTestId("subscription-order-link").getAttribute("href")).toBe(`/app/orders/${orderId}`)
    expect(await page.getByTestId("subscription-customer-link").getAttribute("href")).toBe(`/app/customers/${customerId}`)
    await page.getByTestId("subscription-order-link").filter({ hasText: /^#\d+/ }).waitFor()
    await page.getByTestId("renewals-empty").waitFor()
    expect(await page.getByTestId("subscription-history-entry").getAttribute("data-action")).toBe("created")
    await shot("detail")

    // Pause (no resume date): the drawer, then the page shows it paused, with the history entry.
    await page.getByTestId("subscription-manage").click()
    await page.getByTestId("subscription-action-pause").waitFor()
    await shot("manage-menu")
    await page.getByTestId("subscription-action-pause").click()
    await page.getByTestId("subscription-change-drawer").waitFor()
    await shot("pause-drawer")
    await page.getByTestId("subscription-change-submit").click()
    await page.getByText("Subscription paused", { exact: true }).waitFor()
    await page.getByTestId("subscription-change-drawer").waitFor({ state: "detached" })
    await page.getByTestId("subscription-detail-status").filter({ hasText: "Paused" }).waitFor()
    const latest = page.getByTestId("subscription-history-entry").first()
    expect(await latest.getAttribute("data-action")).toBe("paused")
    expect(await latest.getByTestId("history-from").textContent()).toBe("Active")
    expect(await latest.getByTestId("history-to").textContent()).toBe("Paused")
    expect(await latest.getByTestId("history-meta").textContent()).toMatch(/^Merchant · /)
    expect(await text(page, "subscription-notice")).toMatch(/^Paused since .*until you resume it\.$/)
    expect(await text(page, "subscription-fact-next-renewal")).toBe("Paused")
    await shot("paused")

    // Resume (within the paid period: nothing else changes).
    await page.getByTestId("subscription-action-resume").click()
    await confirm(page, "Resume")
    await page.getByText("Subscription resumed", { exact: true }).waitFor()
    await page.getByTestId("subscription-detail-status").filter({ hasText: "Active" }).waitFor()
    expect(await page.getByTestId("subscription-history-entry").first().getAttribute("data-action")).toBe("resumed")
    expect((await subscription()).status).toBe("active")
    await shot("resumed")

    // Move the next renewal into the past: refused on the field, in the server's words.
    await page.getByTestId("subscription-manage").click()
    await page.getByTestId("subscription-action-move_renewal").click()
    await page.getByTestId("subscription-renewal-at").getByRole("spinbutton", { name: /year/i }).click()
    await page.keyboard.type("2020")
    await page.getByTestId("subscription-renewal-at").getByRole("spinbutton", { name: /year/i }).filter({ hasText: "2020" }).waitFor()
    await page.getByTestId("subscription-change-submit").click()
    await page.getByTestId("subscription-renewal-at-error").filter({ hasText: "The new renewal date must be in the future." }).waitFor()
    await shot("move-refused")
    await page.getByTestId("subscription-change-drawer").getByRole("button", { name: "Back" }).click()
    await page.getByTestId("subscription-change-drawer").waitFor({ state: "detached" })

    // Cancel now offers the refund of the unused part (not sent here).
    await page.getByTestId("subscription-manage").click()
    await page.getByTestId("subscription-action-cancel_now").click()
    await page.getByTestId("subscription-refund-unused").click()
    expect(await page.getByTestId("subscription-refund-unused").getAttribute("data-state")).toBe("checked")
    await shot("cancel-now-drawer")
    await page.getByTestId("subscription-change-drawer").getByRole("button", { name: "Back" }).click()
    await page.getByTestId("subscription-change-drawer").waitFor({ state: "detached" })

    // Cancel at period end, then undo it.
    await page.getByTestId("subscription-manage").click()
    await page.getByTestId("subscription-action-cancel_at_period_end").click()
    await confirm(page, "Cancel at period end")
    await page.getByText(/^The subscription will cancel on /).waitFor()
    await page.getByTestId("subscription-action-undo_cancel").waitFor()
    expect(await text(page, "subscription-notice")).toMatch(/^Set to cancel: the client keeps the service until /)
    expect(await text(page, "subscription-fact-next-renewal")).toMatch(/^Cancels on /)
    expect(await page.getByTestId("subscription-history-entry").first().getAttribute("data-action")).toBe("cancel_scheduled")
    await shot("cancel-scheduled")
    await page.getByTestId("subscription-action-undo_cancel").click()
    await confirm(page, "Undo cancel")
    await page.getByText("Cancel undone: the subscription renews as before").waitFor()
    await page.getByTestId("subscription-notice").waitFor({ state: "detached" })
    expect((await subscription()).cancel_at_period_end).toBe(false)

    // Paused behind the page's back: the page's "Pause" is refused, in the server's words, and the page catches up.
    await change({ type: "pause" })
    await page.getByTestId("subscription-manage").click()
    await page.getByTestId("subscription-action-pause").click()
    await page.getByTestId("subscription-change-submit").click()
    await page.getByText("Only an active or past-due subscription can be paused (this one is paused).").waitFor()
    await page.getByTestId("subscription-change-drawer").getByRole("button", { name: "Back" }).click()
    await page.getByTestId("subscription-detail-status").filter({ hasText: "Paused" }).waitFor()
    await shot("refused")
    await change({ type: "resume" })

    // Two renewals: the first paid from credit granted for it, the second waits for the client (no saved card).
    const { next_renewal_amount } = await subscription()
    await grant(Number(next_renewal_amount), "Pays the second month (browser test)")
    await renew(1, "paid")
    await renew(2, "requires_action")
    await page.reload()
    await page.getByTestId("renewal-table").waitFor()
    expect(await text(page, "subscription-detail-status")).toBe("Past due")
    const renewals = page.getByTestId("renewal-row")
    expect(await renewals.count()).toBe(2)
    const [unpaid, paid] = [renewals.nth(0), renewals.nth(1)]
    expect(await unpaid.getAttribute("data-status")).toBe("requires_action")
    expect(await unpaid.getByTestId("renewal-status").textContent()).toBe("Needs the client")
    expect(await unpaid.getByTestId("renewal-error").textContent()).toBe("no_payment_method")
    expect(await paid.getByTestId("renewal-status").textContent()).toBe("Paid")
    const price = `$${Number(next_renewal_amount).toFixed(2)}`
    expect(await paid.getByTestId("renewal-amount").textContent()).toBe(price)
    expect(await paid.getByTestId("renewal-credit").textContent()).toBe(`${price} from credit`)
    expect(await paid.getByTestId("renewal-invoice-link").textContent()).toMatch(/^INV-\d{6}$/)
    expect(await paid.getByTestId("renewal-order-link").getAttribute("href")).toMatch(/^\/app\/orders\//)
    expect(await text(page, "subscription-notice")).toMatch(
      /is unpaid \(needs the client\): no saved card, so the client pays the renewal's invoice from the portal \[no_payment_method\]\.$/
    )
    expect(await text(page, "subscription-fact-next-renewal")).toMatch(/^Overdue since /)
    // A paid renewal's attempts: none, credit paid it all.
    await paid.getByTestId("renewal-toggle").click()
    await page.getByTestId("renewal-no-attempts").filter({ hasText: "account credit paid it all" }).waitFor()
    await page.getByTestId("subscription-renewals").scrollIntoViewIfNeeded()
    await shot("renewals")

    // Retry the unpaid renewal: still no card, so it still waits for the client.
    await page.getByTestId("subscription-action-retry_renewal").click()
    await confirm(page, "Retry now")
    await page.getByText("Still unpaid: needs the client (no_payment_method)").waitFor()
    await shot("retried")
    await page.close()
  })

  it("lists the subscription on the customer page and on the order that started it", async () => {
    const customerPage = await open(`/customers/${customerId}`, "customer-subscription-table")
    const widget = customerPage.getByTestId("customer-subscriptions")
    expect(await widget.getByTestId("subscription-row").count()).toBe(1)
    expect(await widget.getByTestId("subscription-title").textContent()).toBe(service.title)
    await widget.scrollIntoViewIfNeeded()
    await screenshots(customerPage, "admin-subscriptions-customer")("widget")
    await widget.getByTestId("subscription-row").click()
    await customerPage.waitForURL(new RegExp(`/app/subscriptions/${subscriptionId}$`))
    await customerPage.getByTestId("subscription-detail").waitFor()
    await customerPage.close()

    const orderPage = await open(`/orders/${orderId}`, "order-subscription-table")
    const orderWidget = orderPage.getByTestId("order-subscriptions")
    expect(await orderWidget.getByTestId("subscription-row").getAttribute("data-id")).toBe(subscriptionId)
    await orderWidget.scrollIntoViewIfNeeded()
    await screenshots(orderPage, "admin-subscriptions-order")("widget")
    await orderPage.close()
  })
})
