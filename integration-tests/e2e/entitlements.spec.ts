import { randomBytes } from "node:crypto"
import { readFile } from "node:fs/promises"
import path from "node:path"
import type { Browser, BrowserContext, Download, Page } from "playwright-core"
import type {
  AdminFileDownloadsResponse,
  AdminProductFileResponse,
  LicenseActivateResponse,
  LicenseValidateResponse,
  StoreEntitlementListResponse,
} from "../../src/contracts/http"
import {
  adminApi,
  authToken,
  backendUrl,
  DESKTOP,
  env,
  launch,
  MOBILE,
  PASSWORD,
  SCREENSHOTS,
  screenshots,
  signUp,
  storeApi,
  storefrontUrl,
  text,
} from "./browser"

jest.setTimeout(300_000)

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

/** A call to the public license API (no credentials: the key is one), as the merchant's software makes it. */
async function licenseApi<T>(route: "activate" | "validate" | "deactivate", body: Record<string, unknown>): Promise<{ status: number; json: T }> {
  const response = await fetch(`${backendUrl()}/license/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as T }
}

/**
 * Files and license keys in the customer portal, in a real browser: the
 * merchant (admin API) makes a service with files and license keys (two
 * activations a key) and uploads a file; a client buys it, opens
 * "Files & keys" in the portal, downloads the file (the bytes uploaded, by
 * way of the storefront's redirect to a short-lived backend link), copies
 * the key, which the test activates through the public license API as the
 * merchant's software would; after a reload the portal shows the
 * activation, the client deactivates it there, and the API's validate with
 * that instance then says it is not valid. The merchant then replaces the
 * file: the portal offers version 2 and its download gives version 2's bytes;
 * the merchant's record shows who downloaded which version.
 */
describe("files and license keys in the customer portal", () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let shot: (name: string) => Promise<void>
  const stamp = Date.now().toString(36)
  const service = { id: "", title: `E2E desktop app ${stamp}`, handle: `e2e-desktop-app-${stamp}` }
  const email = `kim-${stamp}@example.com`
  const FILE_TITLE = "Installer"
  const V1 = randomBytes(64 * 1024)
  const V2 = randomBytes(80 * 1024)
  let fileId = ""
  let orderId = ""
  let token = ""
  let licenseKey = ""
  let instanceId = ""
  let adminToken = ""

  /** A multipart admin call (the admin helper of browser.ts sends JSON only). */
  async function upload<T>(pathname: string, bytes: Buffer, filename: string, fields: Record<string, string> = {}): Promise<T> {
    const body = new FormData()
    for (const [name, value] of Object.entries(fields)) {
      body.set(name, value)
    }
    body.set("file", new Blob([bytes], { type: "application/zip" }), filename)
    const response = await fetch(`${backendUrl()}${pathname}`, { method: "POST", headers: { authorization: `Bearer ${adminToken}` }, body })
    const json = await response.json()
    if (!response.ok) {
      throw new Error(`POST ${pathname}: ${response.status} ${JSON.stringify(json)}`)
    }
    return json as T
  }

  /** Opens a portal page once it is interactive (its buttons are React's). */
  async function open(pathname: string) {
    await page.goto(`${storefrontUrl()}${pathname}`, { waitUntil: "networkidle" })
  }

  /** Clicks the file's Download and returns the browser's download once it is complete, with its bytes. */
  async function download(): Promise<{ download: Download; bytes: Buffer }> {
    const [started] = await Promise.all([page.waitForEvent("download"), page.getByTestId("file-download").first().click()])
    const file = await started.path()
    if (!file) {
      throw new Error(`The download failed: ${await started.failure()}`)
    }
    return { download: started, bytes: await readFile(file) }
  }

  beforeAll(async () => {
    adminToken = await authToken("/auth/user/emailpass", { email: env("E2E_ADMIN_EMAIL"), password: env("E2E_ADMIN_PASSWORD") })
    const { stores } = await adminApi<{ stores: { default_sales_channel_id: string }[] }>("/admin/stores")
    const { product } = await adminApi<{ product: { id: string } }>("/admin/products", {
      body: {
        title: service.title,
        handle: service.handle,
        description: "A desktop app with its installer and a license key (browser test).",
        status: "published",
        options: [{ title: "Edition", values: ["Standard"] }],
        variants: [
          { title: "Standard", options: { Edition: "Standard" }, manage_inventory: false, prices: [{ amount: 49, currency_code: "usd" }] },
        ],
        sales_channels: [{ id: stores[0].default_sales_channel_id }],
      },
    })
    service.id = product.id
    await adminApi(`/admin/portico/services/${service.id}/settings`, {
      body: { files_enabled: true, license_keys_enabled: true, license_activation_limit: 2 },
    })
    const { file } = await upload<AdminProductFileResponse>(`/admin/portico/services/${service.id}/files`, V1, "desktop-app-1.0.zip", {
      title: FILE_TITLE,
    })
    fileId = file.id
    expect(file).toMatchObject({ title: FILE_TITLE, current_version: { version: 1, size: V1.length } })

    browser = await launch()
    context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true })
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: storefrontUrl() })
    page = await context.newPage()
    shot = screenshots(page, "files-keys")
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    // The stack is shared by the browser specs: leave the store's catalog as the demo seeded it.
    if (service.id) {
      await adminApi(`/admin/products/${service.id}`, { method: "DELETE" }).catch(() => undefined)
    }
  })
  // `medusa develop` restarts whenever a file of the repository changes: start each test on a backend that answers.
  beforeEach(async () => {
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${backendUrl()}/health`).then((r) => r.ok, () => false)) return
      await new Promise((r) => setTimeout(r, 1000))
    }
  }, 130_000)
  // The client's page as each test left it, to see what went wrong when one fails.
  afterEach(async () => {
    const name = (expect.getState().currentTestName ?? "test").replace(/\W+/g, "-").slice(-60)
    await page?.screenshot({ path: path.join(SCREENSHOTS, `files-keys-last-${name}.png`), fullPage: true }).catch(() => undefined)
  })

  it("a client buys the service and finds its file and license key in Files & keys", async () => {
    await signUp(page, { email, first_name: "Kim", last_name: "Keys" })
    token = await authToken("/auth/customer/emailpass", { email, password: PASSWORD })

    await page.goto(`${storefrontUrl()}/services/${service.handle}`, { waitUntil: "networkidle" })
    await page.getByRole("heading", { level: 1, name: service.title }).waitFor()
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("added").waitFor()
    await page.goto(`${storefrontUrl()}/checkout`)
    await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor()
    await page.getByLabel("Address").fill("9 Download Drive")
    await page.getByLabel("City").fill("New York")
    await page.getByLabel("Postal code").fill("10001")
    await page.getByLabel("Country").selectOption("us")
    await page.getByLabel("State").selectOption("NY")
    await page.getByTestId("place-order").click()
    await page.getByTestId("order-confirmed").waitFor({ timeout: 60_000 })
    orderId = page.url().split("/order/")[1].split("/")[0]
    // The demo's system payment provider counts as paid at completion.
    expect(await text(page, "invoice-status")).toBe("Paid")

    // The key is issued once the purchase is paid.
    const { entitlements } = await until("the purchase's license key", async () => {
      const list = await storeApi<StoreEntitlementListResponse>("/store/portico/entitlements", { token })
      return list.entitlements[0]?.license_keys.length ? list : undefined
    })
    expect(entitlements).toHaveLength(1)
    expect(entitlements[0]).toMatchObject({ order_id: orderId, title: service.title, entitled: true, files: [{ id: fileId, version: 1 }] })

    // The overview mentions them; the portal has a "Files & keys" section.
    await open("/portal")
    expect(await text(page, "downloads-summary-text")).toBe("1 file to download and 1 license key from your purchases.")
    await page.getByTestId("portal-nav").getByRole("link", { name: "Files & keys" }).click()
    await page.getByTestId("downloads-title").waitFor()
    expect(new URL(page.url()).pathname).toBe("/portal/downloads")
    expect(await page.getByTestId("portal-nav").getByRole("link", { name: "Files & keys" }).getAttribute("aria-current")).toBe("page")

    const card = page.getByTestId("entitlement")
    expect(await card.count()).toBe(1)
    expect(await card.getAttribute("data-entitled")).toBe("true")
    expect(await text(page, "entitlement-title")).toBe(`${service.title} (Standard)`)
    expect(await text(page, "entitlement-order")).toMatch(/^Order #\d+$/)
    expect(await text(page, "entitlement-meta")).toMatch(/Purchased [A-Z][a-z]{2} \d{1,2}, \d{4}/)
    expect(await page.getByTestId("entitlement-not-entitled").count()).toBe(0)
    expect(await page.getByTestId("entitlement-file").count()).toBe(1)
    expect(await text(page, "file-title")).toBe(FILE_TITLE)
    expect(await text(page, "file-version")).toBe("Version 1")
    expect(await text(page, "file-size")).toBe("64 KB")
    expect(await page.getByTestId("license-key").count()).toBe(1)
    expect(await text(page, "license-key-status")).toBe("Not activated")
    expect(await text(page, "license-key-activations")).toBe("0 / 2")
    expect(await text(page, "license-key-expires")).toBe("Never")
    expect(await page.getByTestId("license-no-instances").count()).toBe(1)
    // The page links the storefront's download route only: no backend file address.
    expect(await page.getByTestId("file-download").getAttribute("href")).toBe(`/portal/downloads/file/${fileId}`)
    expect(await page.content()).not.toContain("/portico/downloads/")
    await shot("page")
    await page.setViewportSize(MOBILE)
    await shot("page-phone")
    await page.setViewportSize(DESKTOP)

    // The order's page lists the same.
    await open(`/portal/orders/${orderId}`)
    const ofOrder = page.getByTestId("order-entitlements")
    await ofOrder.waitFor()
    expect(await ofOrder.getByTestId("file-title").textContent()).toBe(FILE_TITLE)
    expect(await ofOrder.getByTestId("license-key").count()).toBe(1)
    expect(await ofOrder.getByTestId("entitlement-order").count()).toBe(0)
  })

  it("downloads the file: the bytes uploaded, through a short-lived backend link", async () => {
    await open("/portal/downloads")
    const { download: got, bytes } = await download()
    expect(bytes.equals(V1)).toBe(true)
    expect(got.suggestedFilename()).toBe("desktop-app-1.0.zip")
    // The storefront sent the browser (303) to the backend's one-time link.
    expect(got.url().startsWith(`${backendUrl()}/portico/downloads/`)).toBe(true)
    // The page is still Files & keys (an attachment, not a page).
    expect(new URL(page.url()).pathname).toBe("/portal/downloads")

    // A visitor without the client's session is sent to the login page, not to the file.
    const visitor = await browser.newContext()
    const other = await visitor.newPage()
    const response = await other.goto(`${storefrontUrl()}/portal/downloads/file/${fileId}`)
    expect(new URL(other.url()).pathname).toBe("/portal/login")
    expect(response?.headers()["content-disposition"]).toBeUndefined()
    await visitor.close()
  })

  it("copies the key, which the license API activates; the portal shows the activation and deactivates it", async () => {
    await open("/portal/downloads")
    licenseKey = await text(page, "license-key-value")
    expect(licenseKey).toMatch(/^[0-9A-Z]+(-[0-9A-Z]+)+$/i)
    await page.getByTestId("copy-license-key").click()
    await page.getByTestId("copy-license-key").filter({ hasText: "Copied" }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(licenseKey)
    await shot("copied")

    // The merchant's software activates the key it was given.
    const activated = await licenseApi<LicenseActivateResponse>("activate", { license_key: licenseKey, instance_name: "Studio workstation" })
    // 201: a new instance (the same fingerprint again answers 200 with the same one).
    expect(activated.status).toBe(201)
    expect(activated.json).toMatchObject({
      activated: true,
      error: null,
      license_key: { key: licenseKey, status: "active", activation_limit: 2, activation_usage: 1 },
      instance: { name: "Studio workstation" },
    })
    instanceId = activated.json.instance!.id
    expect((await licenseApi<LicenseValidateResponse>("validate", { license_key: licenseKey, instance_id: instanceId })).json.valid).toBe(true)

    await page.reload({ waitUntil: "networkidle" })
    const instance = page.getByTestId("license-instance")
    expect(await instance.count()).toBe(1)
    expect(await instance.getAttribute("data-id")).toBe(instanceId)
    expect(await text(page, "license-instance-name")).toBe("Studio workstation")
    expect(await text(page, "license-instance-date")).toMatch(/^Activated [A-Z][a-z]{2} \d{1,2}, \d{4}$/)
    expect(await text(page, "license-key-status")).toBe("Active")
    expect(await text(page, "license-key-activations")).toBe("1 / 2")
    await shot("activated")

    // Deactivated from the portal: the slot is free, the software's instance is no longer valid.
    await instance.getByTestId("deactivate-instance").click()
    await page.getByTestId("license-instance").first().waitFor({ state: "detached", timeout: 30_000 })
    await page.getByTestId("license-key-activations").filter({ hasText: "0 / 2" }).waitFor()
    expect(await page.getByTestId("form-error").count()).toBe(0)
    await shot("deactivated")
    const validated = await licenseApi<LicenseValidateResponse>("validate", { license_key: licenseKey, instance_id: instanceId })
    expect(validated.json.valid).toBe(false)
    expect(validated.json.license_key).toMatchObject({ key: licenseKey, activation_usage: 0 })
  })

  it("a replaced file: the portal offers version 2 and downloads its bytes; the merchant sees who downloaded what", async () => {
    const { file } = await upload<AdminProductFileResponse>(
      `/admin/portico/services/${service.id}/files/${fileId}/versions`,
      V2,
      "desktop-app-2.0.zip"
    )
    expect(file.current_version).toMatchObject({ version: 2, size: V2.length })

    await open("/portal/downloads")
    expect(await text(page, "file-version")).toBe("Version 2")
    expect(await text(page, "file-size")).toBe("80 KB")
    const { download: got, bytes } = await download()
    expect(bytes.equals(V2)).toBe(true)
    expect(bytes.equals(V1)).toBe(false)
    expect(got.suggestedFilename()).toBe("desktop-app-2.0.zip")
    await shot("version-2")

    // The record: this client took version 1, then version 2.
    const { downloads } = await until("the downloads' record", async () => {
      const record = await adminApi<AdminFileDownloadsResponse>(`/admin/portico/services/${service.id}/files/${fileId}/downloads`)
      return record.downloads.length >= 2 ? record : undefined
    })
    expect(downloads.map((d) => [d.version, d.email, d.order_id])).toEqual([
      [2, email, orderId],
      [1, email, orderId],
    ])
  })

  it("a canceled purchase: the portal says its files are not available and its key is disabled", async () => {
    await adminApi(`/admin/orders/${orderId}/cancel`, { body: {} })
    await until("the purchase's key disabled", async () => {
      const { entitlements } = await storeApi<StoreEntitlementListResponse>("/store/portico/entitlements", { token })
      const e = entitlements.find((x) => x.order_id === orderId)
      return e && !e.entitled && e.license_keys[0]?.status === "disabled"
    })

    await open("/portal/downloads")
    const card = page.getByTestId("entitlement")
    expect(await card.getAttribute("data-entitled")).toBe("false")
    expect(await text(page, "entitlement-not-entitled")).toMatch(/^The files of this purchase are not available for download right now/)
    expect(await page.getByTestId("file-download").count()).toBe(0)
    expect(await text(page, "file-unavailable")).toBe("Not available")
    expect(await text(page, "license-key-status")).toBe("Disabled")
    expect(await text(page, "license-key-disabled")).toBe("Disabled: the purchase was canceled.")
    await shot("canceled")

    // The download route, opened anyway, sends the client back with the reason.
    await page.goto(`${storefrontUrl()}/portal/downloads/file/${fileId}`)
    await page.getByTestId("download-error").waitFor()
    expect(new URL(page.url()).search).toBe("?download_error=not_entitled")
    expect(await text(page, "download-error")).toMatch(/^This file is not available for download right now/)

    const validated = await licenseApi<LicenseValidateResponse>("validate", { license_key: licenseKey })
    expect(validated.json).toMatchObject({ valid: false, license_key: { status: "disabled" } })
  })
})
