import { readFileSync } from "node:fs"
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

/** A license API call (public: the key is the credential). */
async function licenseApi<T = any>(path: string, body: Record<string, unknown>): Promise<{ status: number; json: T }> {
  const response = await fetch(`${backendUrl()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as T }
}

/**
 * The merchant's files and license keys in the Medusa admin, against the
 * running backend. On a service of the test's own, the merchant turns on
 * files and license keys in the Service settings widget (a limit of 2, keys
 * that expire after a year; an expiry "with the subscription" is not offered
 * for a one-time service), adds a file, replaces it with version 2 and
 * renames it, and downloads version 1 through its link. A client buys the
 * service (paid with account credit granted for it) and downloads the file
 * through the store API; the merchant sees who downloaded which version in
 * the Downloads drawer. The key issued for the purchase shows on the order
 * and customer pages and in the License keys list (found by part of the
 * key); activated through the license API, its detail page lists the
 * instance; the merchant changes its limit to unlimited, resets its
 * activations, disables it (the license API then says so) and enables it
 * again; last, the file is removed.
 */
describe("admin files and license keys", () => {
  let browser: Browser
  let context: BrowserContext
  const stamp = Date.now().toString(36)
  const problems: string[] = []
  const service = { id: "", title: `E2E desktop app ${stamp}`, handle: `e2e-desktop-app-${stamp}` }
  const email = `keys-admin-${stamp}@example.com`
  let customerId = ""
  let orderId = ""
  let clientToken = ""

  beforeAll(async () => {
    // A one-time service in the store's sales channel, 25 USD.
    const { stores } = await adminApi<{ stores: { default_sales_channel_id: string }[] }>("/admin/stores")
    const { product } = await adminApi("/admin/products", {
      body: {
        title: service.title,
        handle: service.handle,
        status: "published",
        options: [{ title: "Plan", values: ["Single"] }],
        variants: [
          { title: "Single", options: { Plan: "Single" }, manage_inventory: false, prices: [{ amount: 25, currency_code: "usd" }] },
        ],
        sales_channels: [{ id: stores[0].default_sales_channel_id }],
      },
    })
    service.id = product.id

    // A client with an account (the purchase comes after the settings are made in the admin).
    const password = "secret-123"
    const registration = await authToken("/auth/customer/emailpass/register", { email, password })
    const { customer } = await storeApi("/store/customers", { body: { email, first_name: "Kim", last_name: "Keyholder" }, token: registration })
    customerId = customer.id
    clientToken = await authToken("/auth/customer/emailpass", { email, password })

    browser = await launch()
    context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true })
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
    if (service.id) {
      await adminApi(`/admin/products/${service.id}`, { method: "DELETE" }).catch(() => undefined)
    }
    // Let the backend close this file's idle keep-alive connections before the next file starts (see subscriptions-admin).
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
        await page.screenshot({ path: `${SCREENSHOTS}/admin-entitlements-stuck-${ready}-${attempt}.png` })
        console.warn(`${path}: no ${ready} after 2 min (attempt ${attempt}).\nBrowser errors:\n${problems.slice(-10).join("\n")}`)
        if (attempt === 2) {
          throw e
        }
      }
    }
  }

  /** Confirms the open prompt with its `button`. */
  const confirm = (page: Page, button: string) => page.getByRole("alertdialog").getByRole("button", { name: button }).click()
  /** Picks `option` in the @medusajs/ui select `testId`. */
  const choose = async (page: Page, testId: string, option: string) => {
    await page.getByTestId(testId).click()
    await page.getByRole("option", { name: option, exact: true }).click()
  }

  it("turns on files and keys, manages the files and their versions, and the keys of a purchase", async () => {
    const page = await open(`/products/${service.id}`, "service-settings-save")
    const shot = screenshots(page, "admin-entitlements")

    // ---- Service settings: files on, keys on with a limit of 2, expiring after 1 year.
    await page.getByTestId("service-files-enabled").click()
    await page.getByTestId("service-license-keys-enabled").click()
    await page.getByTestId("service-license-settings").waitFor()
    await page.getByTestId("service-license-expiry").click()
    // A one-time service's keys cannot follow a subscription.
    expect(await page.getByRole("option", { name: "With the subscription" }).count()).toBe(0)
    await page.getByRole("option", { name: "After a length of time" }).click()
    await page.getByTestId("service-license-limit").fill("2")
    await page.getByTestId("service-license-expiry-count").fill("1")
    await choose(page, "service-license-expiry-interval", "Year(s)")
    await page.getByTestId("service-settings-save").click()
    await page.getByText("Service settings saved").waitFor()
    const { service_settings: saved } = await adminApi(`/admin/portico/services/${service.id}/settings`)
    expect(saved).toMatchObject({
      files_enabled: true,
      license_keys_enabled: true,
      license_activation_limit: 2,
      license_expiry: "length",
      license_expiry_interval: "year",
      license_expiry_count: 1,
    })
    await page.getByTestId("service-settings").scrollIntoViewIfNeeded()
    await shot("settings")

    // ---- Files: add one, replace it (version 2), rename it.
    const files = page.getByTestId("product-files")
    await files.scrollIntoViewIfNeeded()
    expect(await page.getByTestId("product-files-off").count()).toBe(0)
    await page.getByTestId("product-file-add-open").click()
    await page.getByTestId("product-file-input").setInputFiles({ name: "setup-1.0.txt", mimeType: "text/plain", buffer: Buffer.from("version one\n") })
    await page.getByTestId("product-file-title").fill("Installer")
    await page.getByTestId("product-file-add-submit").click()
    await page.getByText("File added").waitFor()
    const row = page.getByTestId("product-file-row")
    await row.first().waitFor()
    expect(await text(page, "product-file-title")).toBe("Installer")
    expect(await text(page, "product-file-version")).toBe("v1")
    expect(await text(page, "product-file-filename")).toBe("setup-1.0.txt")

    await page.getByTestId("product-file-manage").click()
    await page.getByTestId("product-file-action-replace").click()
    await page.getByTestId("product-file-replace").getByText("Uploads version 2").waitFor()
    await page.getByTestId("product-file-replace-input").setInputFiles({ name: "setup-1.1.txt", mimeType: "text/plain", buffer: Buffer.from("version two\n") })
    await page.getByTestId("product-file-replace-submit").click()
    await page.getByText("Version 2 uploaded: clients now get it").waitFor()
    await until(() => text(page, "product-file-version"), (v) => v === "v2", "file at version 2")
    expect(await text(page, "product-file-filename")).toBe("setup-1.1.txt")

    await page.getByTestId("product-file-manage").click()
    await page.getByTestId("product-file-action-rename").click()
    await page.getByTestId("product-file-rename-title").fill("Installer for Linux")
    await page.getByTestId("product-file-rename-submit").click()
    await page.getByText("File renamed").waitFor()
    await until(() => text(page, "product-file-title"), (t) => t === "Installer for Linux", "file renamed")

    // Its versions, each downloadable with the admin session.
    await page.getByTestId("product-file-toggle").click()
    const versions = page.getByTestId("product-file-version-row")
    await versions.first().waitFor()
    expect(await versions.count()).toBe(2)
    expect(await versions.first().getAttribute("data-version")).toBe("2")
    const v1 = page.locator('[data-testid="product-file-version-row"][data-version="1"]')
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      v1.getByTestId("product-file-version-download").click(),
    ])
    const saved1 = await download.path()
    expect(saved1).toBeTruthy()
    expect(readFileSync(saved1, "utf8")).toBe("version one\n")
    await shot("files")

    // ---- A client buys the service: credit granted for exactly the cart's total (25 + 8 % US sales tax) pays it all.
    await adminApi(`/admin/portico/customers/${customerId}/credit/adjustments`, {
      body: { type: "grant", currency_code: "usd", amount: 27, note: "Pays the app (browser test)" },
    })
    const client = <T = any>(path: string, body?: unknown) => storeApi<T>(path, { body, token: clientToken })
    const { regions } = await storeApi<{ regions: { id: string; currency_code: string }[] }>("/store/regions")
    const usd = regions.find((r) => r.currency_code === "usd")!
    const address = { first_name: "Kim", last_name: "Keyholder", address_1: "1 Main Street", city: "New York", postal_code: "10001", country_code: "us" }
    const { cart } = await client("/store/carts", { region_id: usd.id, email, shipping_address: address, billing_address: address })
    const { product } = await adminApi(`/admin/products/${service.id}?fields=id,variants.id`)
    await client(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 })
    await until(
      () => client(`/store/carts/${cart.id}?fields=+total,+credit_line_total`).then((r) => r.cart),
      (c) => c.credit_line_total === 27,
      "cart paid by credit"
    )
    const completed = await client(`/store/carts/${cart.id}/complete`, {})
    expect(completed.type).toBe("order")
    orderId = completed.order.id
    const { license_keys } = await until(
      () => adminApi(`/admin/portico/license-keys?order_id=${orderId}`),
      (r) => r.count === 1,
      "license key issued"
    )
    const key = license_keys[0]
    expect(key).toMatchObject({ status: "inactive", activation_limit: 2, activation_usage: 0, customer_id: customerId })

    // The client downloads the file (version 2) through the portal's API.
    const { entitlements } = await until(
      () => client(`/store/portico/entitlements?order_id=${orderId}`),
      (r) => r.entitlements?.[0]?.files?.length === 1,
      "the purchase's files"
    )
    const file = entitlements[0].files[0]
    expect(file).toMatchObject({ title: "Installer for Linux", version: 2 })
    const { download: link } = await client(`/store/portico/files/${file.id}/download-link`, {})
    const got = await fetch(new URL(link.url, backendUrl()))
    expect(got.status).toBe(200)
    expect(await got.text()).toBe("version two\n")

    // The merchant sees who downloaded which version.
    await page.reload()
    await page.getByTestId("product-file-row").first().waitFor()
    await until(() => text(page, "product-file-download-count"), (n) => n === "1", "download counted")
    await page.getByTestId("product-file-download-count").click()
    await page.getByTestId("product-file-download-row").first().waitFor()
    expect(await text(page, "product-file-download-email")).toBe(email)
    expect(await text(page, "product-file-download-version")).toContain("v2")
    await shot("downloads")
    await page.keyboard.press("Escape")
    await page.getByTestId("product-file-downloads").waitFor({ state: "detached" })

    // ---- The key on the order page and on the customer page.
    const orderPage = await open(`/orders/${orderId}`, "order-license-keys")
    expect(await text(orderPage, "license-key-key")).toBe(key.key)
    expect(await text(orderPage, "license-key-status")).toBe("Not activated")
    expect(await text(orderPage, "license-key-activations")).toBe("0 / 2")
    await screenshots(orderPage, "admin-entitlements-order")("keys")
    await orderPage.close()
    const customerPage = await open(`/customers/${customerId}`, "customer-license-key-table")
    expect(await text(customerPage, "license-key-key")).toBe(key.key)
    await customerPage.close()

    // ---- Activated through the license API, then found in the list by part of the key.
    const activated = await licenseApi("/license/activate", { license_key: key.key, instance_name: "Kim's laptop" })
    expect(activated.json).toMatchObject({ activated: true, license_key: { status: "active", activation_usage: 1 } })
    await page.goto(admin(`/license-keys`))
    await page.getByTestId("license-key-filters").waitFor()
    await page.getByTestId("license-key-search").fill(key.key.slice(0, 9))
    await until(
      async () => [await page.getByTestId("license-key-row").count(), await text(page, "license-key-key")] as const,
      ([n, k]) => n === 1 && k === key.key,
      "the list found by part of the key"
    )
    expect(await text(page, "license-key-status")).toBe("Active")
    expect(await text(page, "license-key-activations")).toBe("1 / 2")
    expect(await text(page, "license-key-email")).toBe(email)
    await shot("keys-list")

    // The detail lists the instance.
    await page.getByTestId("license-key-row").click()
    await page.getByTestId("license-key-detail").waitFor()
    expect(await text(page, "license-key-heading")).toBe(key.key)
    expect(await text(page, "license-instance-name")).toBe("Kim's laptop")
    expect(await text(page, "license-instance-status")).toBe("Active")

    // Change the limit to unlimited.
    await page.getByTestId("license-key-manage").click()
    await page.getByTestId("license-key-action-set_activation_limit").click()
    await page.getByTestId("license-key-unlimited").click()
    await page.getByTestId("license-key-limit-save").click()
    await page.getByText("Activations are now unlimited").waitFor()
    await until(() => text(page, "license-key-fact-activations"), (t) => t === "1 / ∞", "limit unlimited")

    // Reset activations: the instance stays on record, deactivated.
    await page.getByTestId("license-key-manage").click()
    await page.getByTestId("license-key-action-reset_activations").click()
    await confirm(page, "Reset activations")
    await page.getByText("Activations reset").waitFor()
    await until(() => text(page, "license-instance-status"), (t) => t === "Deactivated", "instance deactivated")
    expect(await text(page, "license-key-fact-activations")).toBe("0 / ∞")

    // Disable: the license API says so; enable again.
    await page.getByTestId("license-key-manage").click()
    await page.getByTestId("license-key-action-disable").click()
    await confirm(page, "Disable key")
    await page.getByText("License key disabled").waitFor()
    await until(() => text(page, "license-key-detail-status"), (t) => t === "Disabled", "key disabled")
    await page.getByTestId("license-key-notice").waitFor()
    await shot("key-disabled")
    const validated = await licenseApi("/license/validate", { license_key: key.key })
    expect(validated.json).toMatchObject({ valid: false, license_key: { status: "disabled" } })
    await page.getByTestId("license-key-manage").click()
    await page.getByTestId("license-key-action-enable").click()
    await confirm(page, "Enable key")
    await page.getByText("License key enabled").waitFor()
    await until(() => text(page, "license-key-detail-status"), (t) => t !== "Disabled", "key enabled")
    expect((await licenseApi("/license/validate", { license_key: key.key })).json).toMatchObject({ valid: true })

    // ---- Remove the file: clients no longer get it.
    await page.goto(admin(`/products/${service.id}`))
    await page.getByTestId("product-file-row").first().waitFor()
    await page.getByTestId("product-file-manage").click()
    await page.getByTestId("product-file-action-remove").click()
    await confirm(page, "Remove")
    await page.getByTestId("product-files-empty").waitFor()
    const after = await client(`/store/portico/entitlements?order_id=${orderId}`)
    expect(after.entitlements[0].files).toHaveLength(0)
  })
})
