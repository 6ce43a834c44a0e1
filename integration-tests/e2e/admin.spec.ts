import type { Browser, BrowserContext, Page } from "playwright-core"
import { adminApi, authToken, backendUrl, DESKTOP, env, launch, loginLinkFor, SCREENSHOTS, screenshots, signUp, storeApi, storefrontUrl, text } from "./browser"

// The first admin page compiles the dashboard (Vite, `medusa develop`): minutes on a busy machine.
jest.setTimeout(300_000)

const admin = (path: string) => `${backendUrl()}/app${path}`

/** Picks `option` in the Radix select whose trigger has `testId`. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click()
  await page.getByRole("option", { name: option, exact: true }).click()
  await page.getByTestId(testId).filter({ hasText: option }).waitFor()
}

/**
 * The merchant in the Medusa admin, against the running backend: service
 * folders (create a folder and a sub-folder, move a service in, hide it,
 * reorder, refusals in the server's words, clean up), a service's Portico
 * settings in the product widget, an invoice of a store checkout in the
 * invoice list and detail, and account credit (granted and refused on the
 * customer page, spent at checkout, refunded to credit from the order page). It works on a service of its own (in no sales
 * channel) and removes its folders, so the storefront tests see the demo data
 * as seeded whichever file runs first.
 */
describe("admin extension", () => {
  let browser: Browser
  let context: BrowserContext
  const stamp = Date.now().toString(36)
  const problems: string[] = []
  const service = { id: "", title: `E2E strategy call ${stamp}`, handle: `e2e-strategy-call-${stamp}` }

  beforeAll(async () => {
    const { product } = await adminApi("/admin/products", {
      body: {
        title: service.title,
        handle: service.handle,
        status: "published",
        options: [{ title: "Service", values: ["Default"] }],
        variants: [
          { title: "Default", options: { Service: "Default" }, manage_inventory: false, prices: [{ amount: 200, currency_code: "usd" }] },
        ],
      },
    })
    service.id = product.id

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
  })

  /**
   * Opens an admin page and waits for `ready`. The dashboard is served by
   * Vite's dev server (`medusa develop`), which compiles on first use and
   * restarts when a project file changes: a page that is not up after two
   * minutes is recorded (screenshot, browser errors, text) and loaded once more.
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
        await page.screenshot({ path: `${SCREENSHOTS}/admin-stuck-${ready}-${attempt}.png` })
        const body = (await page.locator("body").innerText().catch(() => "")).slice(0, 400)
        console.warn(`${path}: no ${ready} after 2 min (attempt ${attempt}).\nBrowser errors:\n${problems.slice(-10).join("\n")}\nPage: ${body}`)
        if (attempt === 2) {
          throw e
        }
      }
    }
  }

  /** Opens a folder row's "…" menu and picks an action. */
  async function folderAction(page: Page, handle: string, action: "add-child" | "edit" | "visibility" | "delete") {
    await page.getByTestId(`folder-row-${handle}`).getByTestId("folder-actions").click()
    await page.getByTestId(`folder-action-${action}`).click()
    if (action === "delete") {
      await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click()
    }
  }

  const rowOrder = (page: Page) =>
    page.locator('[data-testid^="folder-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid")))

  it("creates a folder and a sub-folder, moves a service in, hides it, reorders, shows refusals and cleans up", async () => {
    const page = await open("/service-folders", "folder-tree")
    const shot = screenshots(page, "admin-folders")
    await shot("tree")

    // A top-level folder; the handle is suggested from the name.
    const parent = { name: `Growth ${stamp}`, handle: `growth-${stamp}` }
    await page.getByTestId("create-folder").click()
    await page.getByTestId("folder-name").fill(parent.name)
    expect(await page.getByTestId("folder-handle").inputValue()).toBe(parent.handle)
    await shot("create")
    await page.getByTestId("folder-save").click()
    const parentRow = page.getByTestId(`folder-row-${parent.handle}`)
    await parentRow.waitFor()

    // It comes last at the top level; move it up one place.
    const before = await rowOrder(page)
    expect(before[before.length - 1]).toBe(`folder-row-${parent.handle}`)
    await parentRow.getByTestId("folder-move-up").click()
    await page.waitForFunction(
      (id) => [...document.querySelectorAll('[data-testid^="folder-row-"]')].pop()?.getAttribute("data-testid") !== id,
      `folder-row-${parent.handle}`
    )
    expect((await rowOrder(page)).indexOf(`folder-row-${parent.handle}`)).toBe(before.length - 2)

    // A sub-folder, from the folder's menu: the parent is preselected.
    const child = { name: `Paid search ${stamp}`, handle: `paid-search-${stamp}` }
    await folderAction(page, parent.handle, "add-child")
    await page.getByTestId("folder-name").fill(child.name)
    expect(await text(page, "folder-parent")).toBe(parent.name)
    await page.getByTestId("folder-save").click()
    const childRow = page.getByTestId(`folder-row-${child.handle}`)
    await childRow.waitFor()
    const order = await rowOrder(page)
    expect(order.indexOf(`folder-row-${child.handle}`)).toBe(order.indexOf(`folder-row-${parent.handle}`) + 1)
    expect(await childRow.getByTestId("folder-service-count").textContent()).toBe("0")

    // A taken handle is refused on the field.
    await folderAction(page, child.handle, "edit")
    await page.getByTestId("folder-handle").fill("design")
    await page.getByTestId("folder-save").click()
    expect(await text(page, "folder-handle-error")).toBe('A folder with the handle "design" already exists.')
    await shot("handle-taken")
    await page.getByRole("button", { name: "Cancel" }).click()
    await page.getByTestId("folder-form").waitFor({ state: "detached" })

    // Move the service into the sub-folder with the picker.
    await childRow.click()
    await page.getByTestId("folder-services").getByRole("heading", { name: `Services in ${child.name}` }).waitFor()
    await page.getByTestId("add-services").click()
    await page.getByTestId("service-search").fill(service.title)
    const option = page.locator(`[data-testid="service-option"][data-handle="${service.handle}"]`)
    await option.getByRole("checkbox").click()
    await shot("add-services")
    await page.getByTestId("add-services-confirm").click()
    const inFolder = page.locator(`[data-testid="folder-service"][data-handle="${service.handle}"]`)
    await inFolder.waitFor()
    await childRow.getByTestId("folder-service-count").filter({ hasText: "1" }).waitFor()

    // Hide the sub-folder: hidden in the admin, gone from the store's tree.
    await folderAction(page, child.handle, "visibility")
    await childRow.getByTestId("folder-visibility").filter({ hasText: "Hidden" }).waitFor()
    const storeTree = JSON.stringify(await storeApi("/store/portico/folders/tree"))
    expect(storeTree).toContain(`"${parent.handle}"`)
    expect(storeTree).not.toContain(`"${child.handle}"`)
    await shot("hidden-sub-folder")

    // Non-empty folders are not deleted: the server says why.
    await folderAction(page, parent.handle, "delete")
    await page.getByText("This folder has sub-folders. Move or delete them first.").waitFor()
    await folderAction(page, child.handle, "delete")
    await page.getByText("This folder holds services. Move them to another folder first.").waitFor()
    await shot("delete-refused")
    expect(await parentRow.count()).toBe(1)
    expect(await childRow.count()).toBe(1)

    // Clean up: take the service out, then both folders go.
    await inFolder.getByTestId("remove-service").click()
    await inFolder.waitFor({ state: "detached" })
    await childRow.getByTestId("folder-service-count").filter({ hasText: "0" }).waitFor()
    await folderAction(page, child.handle, "delete")
    await childRow.waitFor({ state: "detached" })
    await folderAction(page, parent.handle, "delete")
    await parentRow.waitFor({ state: "detached" })
    expect(await rowOrder(page)).toEqual(before.slice(0, -1))
    await page.close()
  })

  it("changes a service's billing, start status and options in the product widget and keeps them after a reload", async () => {
    const page = await open(`/products/${service.id}`, "service-settings-save")
    const shot = screenshots(page, "admin-widget")
    const widget = page.getByTestId("service-settings")
    await widget.scrollIntoViewIfNeeded()
    expect(await text(page, "service-billing-type")).toBe("One-time")
    expect(await text(page, "service-folder")).toBe("No folder")
    await shot("defaults")

    // Recurring without an interval: the server's refusal shows on the field.
    await choose(page, "service-billing-type", "Recurring")
    await page.getByTestId("service-settings-save").click()
    expect(await text(page, "service-interval-error")).toMatch(/needs a billing interval/)
    await widget.scrollIntoViewIfNeeded()
    await shot("interval-required")

    await choose(page, "service-interval", "Month(s)")
    await page.getByTestId("service-interval-count").fill("3")
    await page.getByTestId("service-billing-cycles").fill("4")
    await choose(page, "service-start-status", "Working")
    // The files and license-key switches do nothing yet: not shown.
    expect(await page.getByTestId("service-files").count()).toBe(0)
    expect(await page.getByTestId("service-license-keys").count()).toBe(0)
    await page.getByTestId("service-included").fill("Two concepts\nOne round of changes")
    await page.getByTestId("service-turnaround").fill("5 business days")
    await page.getByTestId("service-next-steps").fill("You fill in a short brief.")
    await page.getByTestId("service-settings-save").click()
    await page.getByText("Service settings saved").waitFor()

    await page.reload()
    await page.getByTestId("service-settings-save").waitFor({ timeout: 120_000 })
    await widget.scrollIntoViewIfNeeded()
    expect(await text(page, "service-billing-type")).toBe("Recurring")
    expect(await text(page, "service-interval")).toBe("Month(s)")
    expect(await page.getByTestId("service-interval-count").inputValue()).toBe("3")
    expect(await page.getByTestId("service-billing-cycles").inputValue()).toBe("4")
    expect(await text(page, "service-start-status")).toBe("Working")
    expect(await page.getByTestId("service-included").inputValue()).toBe("Two concepts\nOne round of changes")
    expect(await page.getByTestId("service-turnaround").inputValue()).toBe("5 business days")
    expect(await page.getByTestId("service-next-steps").inputValue()).toBe("You fill in a short brief.")
    await shot("saved")
    await page.close()
  })

  it("lists a paid invoice of a store checkout and shows its detail", async () => {
    // A guest checkout through the store API: USD cart, Website audit, system payment.
    const email = `admin-e2e-${stamp}@example.com`
    const { regions } = await storeApi<{ regions: { id: string; currency_code: string }[] }>("/store/regions")
    const usd = regions.find((r) => r.currency_code === "usd")!
    const { products } = await storeApi(`/store/products?handle=website-audit&region_id=${usd.id}&fields=*variants`)
    const address = { first_name: "Grace", last_name: "Buyer", address_1: "1 Main Street", city: "New York", postal_code: "10001", country_code: "us" }
    const { cart } = await storeApi("/store/carts", {
      body: { region_id: usd.id, email, shipping_address: address, billing_address: address },
    })
    await storeApi(`/store/carts/${cart.id}/line-items`, { body: { variant_id: products[0].variants[0].id, quantity: 1 } })
    const { payment_collection } = await storeApi("/store/payment-collections", { body: { cart_id: cart.id } })
    await storeApi(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
      body: { provider_id: "pp_system_default" },
    })
    const completed = await storeApi(`/store/carts/${cart.id}/complete`, { body: {} })
    expect(completed.type).toBe("order")

    const page = await open("/invoices", "invoice-table")
    const shot = screenshots(page, "admin-invoices")

    // Only this client's invoices: the customer filter searches by email.
    await page.getByTestId("invoice-customer-filter").click()
    await page.getByTestId("customer-search").fill(email)
    await page.getByTestId("customer-option").filter({ hasText: email }).click()
    await page.getByTestId("invoice-customer-filter").filter({ hasText: email }).waitFor()
    await choose(page, "invoice-status-filter", "Paid")
    // The invoice is paid by a subscriber right after the order is placed.
    const row = page.getByTestId("invoice-row")
    for (let i = 0; i < 30 && (await row.count()) !== 1; i++) {
      await page.waitForTimeout(1000)
      await page.reload()
      await page.getByTestId("invoice-filters").waitFor()
    }
    await row.first().waitFor()
    expect(await row.count()).toBe(1)
    const number = ((await row.getByTestId("invoice-number").textContent()) ?? "").trim()
    expect(number).toMatch(/^INV-\d{6}$/)
    expect(await row.getByTestId("invoice-status").textContent()).toBe("Paid")
    expect(await row.getByTestId("invoice-total").textContent()).toBe("$486.00")
    expect(await row.textContent()).toContain(email)
    expect(await row.textContent()).toContain(`#${completed.order.display_id}`)
    await shot("filtered")

    await row.click()
    await page.getByTestId("invoice-detail").waitFor()
    expect(await text(page, "invoice-title")).toBe(`Invoice ${number}`)
    expect(await text(page, "invoice-detail-status")).toBe("Paid")
    expect(await page.getByTestId("invoice-line").count()).toBe(1)
    expect(await page.getByTestId("invoice-line").textContent()).toContain("Website audit")
    // 450 + 8 % US sales tax
    expect(await text(page, "invoice-subtotal")).toBe("$450.00")
    expect(await text(page, "invoice-tax")).toBe("$36.00")
    expect(await text(page, "invoice-grand-total")).toBe("$486.00")
    expect(await page.getByTestId("invoice-order-link").getAttribute("href")).toBe(`/app/orders/${completed.order.id}`)
    expect(await page.getByTestId("invoice-timestamps").textContent()).not.toMatch(/Paid—/)
    await shot("detail")
    await page.close()
  })

  it("sends a client a login link from the customer page, and shows the portal link to share in the settings", async () => {
    const email = `portal-admin-${stamp}@example.com`
    const registration = await authToken("/auth/customer/emailpass/register", { email, password: "secret-123" })
    const { customer } = await storeApi<any>("/store/customers", { body: { email, first_name: "Pia" }, token: registration })
    const since = new Date().toISOString()
    const page = await open(`/customers/${customer.id}`, "customer-portal")
    const shot = screenshots(page, "admin-portal")
    await page.getByTestId("customer-portal").scrollIntoViewIfNeeded()
    await page.getByTestId("send-login-link").click()
    await page.getByText(`Login link sent to ${email}`).waitFor()
    await shot("link-sent")
    // The client got it: the link opens the storefront's sign-in page.
    expect(await loginLinkFor(email, since)).toContain(`${storefrontUrl()}/portal/login/verify?token=`)

    const settings = await open("/settings/customer-portal", "portal-url")
    expect(await settings.getByTestId("portal-url").inputValue()).toBe(`${storefrontUrl()}/portal`)
    await screenshots(settings, "admin-portal-settings")("link")
    await settings.close()
    await page.close()
  })

  it("grants credit on the customer page, refuses an overdraft on the field, and refunds part of an order to credit", async () => {
    // A client with an account, registered through the store API.
    const email = `credit-e2e-${stamp}@example.com`
    const password = "secret-123"
    const client = <T = any>(path: string, token: string, body?: unknown) => storeApi<T>(path, { body, token })
    const auth = (path: string) => authToken(path, { email, password })
    const registration = await auth("/auth/customer/emailpass/register")
    const { customer } = await client("/store/customers", registration, { email, first_name: "Cora", last_name: "Credit" })
    const token = await auth("/auth/customer/emailpass")

    const page = await open(`/customers/${customer.id}`, "customer-credit")
    const shot = screenshots(page, "admin-credit")
    const widget = page.getByTestId("customer-credit")
    await page.getByTestId("credit-empty").waitFor()
    await widget.scrollIntoViewIfNeeded()
    await shot("empty")

    // Grant 500 USD (the store's default currency) with a note.
    await page.getByTestId("credit-grant").click()
    await page.getByTestId("credit-currency").filter({ hasText: "USD" }).waitFor()
    await page.getByTestId("credit-amount").fill("500")
    await page.getByTestId("credit-note").fill("Goodwill for the delayed kickoff")
    await shot("grant")
    await page.getByTestId("credit-save").click()
    await page.getByText("$500.00 of credit granted").waitFor()
    await page.getByTestId("credit-adjustment").waitFor({ state: "detached" })
    const balance = widget.getByTestId("credit-balance-amount")
    await balance.filter({ hasText: "$500.00" }).waitFor()
    const entries = widget.getByTestId("credit-entry")
    await entries.first().waitFor()
    expect(await entries.count()).toBe(1)
    const granted = entries.first()
    expect(await granted.getByTestId("credit-entry-reason").textContent()).toBe("Granted")
    expect(await granted.getByTestId("credit-entry-amount").textContent()).toBe("+$500.00")
    expect(await granted.getByTestId("credit-entry-note").textContent()).toBe("Goodwill for the delayed kickoff")
    expect(await granted.getByTestId("credit-entry-balance").textContent()).toBe("$500.00")
    await widget.scrollIntoViewIfNeeded()
    await shot("granted")

    // Deducting more than the balance is refused on the amount field; nothing is written.
    await page.getByTestId("credit-deduct").click()
    await page.getByTestId("credit-amount").fill("900")
    await page.getByTestId("credit-note").fill("Correction")
    await page.getByTestId("credit-save").click()
    expect(await text(page, "credit-amount-error")).toBe("The balance does not cover this amount")
    await shot("deduct-refused")
    await page.getByTestId("credit-adjustment").getByRole("button", { name: "Cancel" }).click()
    await page.getByTestId("credit-adjustment").waitFor({ state: "detached" })
    expect(await entries.count()).toBe(1)
    expect(await balance.textContent()).toBe("$500.00")

    // The client buys Website audit (450 + 8 % tax): their credit covers it all.
    const { regions } = await storeApi<{ regions: { id: string; currency_code: string }[] }>("/store/regions")
    const usd = regions.find((r) => r.currency_code === "usd")!
    const { products } = await storeApi(`/store/products?handle=website-audit&region_id=${usd.id}&fields=*variants`)
    const address = { first_name: "Cora", last_name: "Credit", address_1: "1 Main Street", city: "New York", postal_code: "10001", country_code: "us" }
    const { cart } = await client("/store/carts", token, { region_id: usd.id, email, shipping_address: address, billing_address: address })
    await client(`/store/carts/${cart.id}/line-items`, token, { variant_id: products[0].variants[0].id, quantity: 1 })
    // The credit follows the cart's change a moment later (reads never write); the checkout would apply it anyway.
    let priced: { credit_line_total?: number; total?: number } = {}
    for (let i = 0; i < 50 && priced.credit_line_total !== 486; i++) {
      ;({ cart: priced } = await client(`/store/carts/${cart.id}?fields=+total,+credit_line_total`, token))
      if (priced.credit_line_total !== 486) await new Promise((r) => setTimeout(r, 200))
    }
    expect({ credit: priced.credit_line_total, total: priced.total }).toEqual({ credit: 486, total: 0 })
    const completed = await client(`/store/carts/${cart.id}/complete`, token, {})
    expect(completed.type).toBe("order")
    const order = completed.order
    // The invoice is paid (and linked to the order) by a subscriber right after the order.
    let invoice: { id: string; number: string; status: string } | undefined
    for (let i = 0; i < 30 && invoice?.status !== "paid"; i++) {
      await new Promise((r) => setTimeout(r, 1000))
      invoice = (await adminApi(`/admin/portico/invoices?order_id=${order.id}`)).invoices[0]
    }
    expect(invoice?.status).toBe("paid")

    // Refund 100 of it to the client's credit from the order page.
    const orderPage = await open(`/orders/${order.id}`, "order-credit-form")
    const orderShot = screenshots(orderPage, "admin-credit-order")
    expect(await text(orderPage, "order-credit-used")).toBe("$486.00")
    expect(await text(orderPage, "order-credit-refundable")).toBe("$486.00")
    await orderPage.getByTestId("order-credit-refund").scrollIntoViewIfNeeded()
    await orderShot("refundable")
    await orderPage.getByTestId("order-credit-amount").fill("100")
    await orderPage.getByTestId("order-credit-note").fill("Kickoff call canceled")
    await orderPage.getByTestId("order-credit-submit").click()
    await orderPage.getByText("$100.00 refunded to the client's account credit").waitFor()
    await orderPage.getByTestId("order-credit-refundable").filter({ hasText: "$386.00" }).waitFor()
    expect(await text(orderPage, "order-credit-refunded")).toBe("−$100.00")
    expect(await orderPage.getByTestId("order-credit-amount").inputValue()).toBe("")
    await orderPage.getByTestId("order-credit-refund").scrollIntoViewIfNeeded()
    await orderShot("refunded")
    await orderPage.close()

    // The customer's ledger: the refund, the checkout, the grant; 500 − 486 + 100 left.
    await page.reload()
    await page.getByTestId("credit-entry").nth(2).waitFor({ timeout: 120_000 })
    expect(await balance.textContent()).toBe("$114.00")
    const rows = await entries.evaluateAll((els) =>
      els.map((el) =>
        ["reason", "amount", "balance"].map((k) => el.querySelector(`[data-testid="credit-entry-${k}"]`)?.textContent)
      )
    )
    expect(rows).toEqual([
      ["Refund", "+$100.00", "$114.00"],
      ["Used at checkout", "−$486.00", "$14.00"],
      ["Granted", "+$500.00", "$500.00"],
    ])
    for (const row of [entries.nth(0), entries.nth(1)]) {
      const cell = row.getByTestId("credit-entry-order")
      expect(await cell.textContent()).toBe(`#${order.display_id}${invoice!.number}`)
      expect(await cell.getByRole("link").getAttribute("href")).toBe(`/app/orders/${order.id}`)
    }
    expect(await entries.nth(0).getByTestId("credit-entry-note").textContent()).toBe("Kickoff call canceled")
    await widget.scrollIntoViewIfNeeded()
    await shot("ledger")
    await page.close()

    // The invoice shows the credit used and what went back to credit.
    const invoicePage = await open(`/invoices/${invoice!.id}`, "invoice-detail")
    expect(await text(invoicePage, "invoice-credit")).toBe("−$486.00")
    expect(await text(invoicePage, "invoice-grand-total")).toBe("$0.00")
    expect(await text(invoicePage, "invoice-credit-refund")).toBe("−$100.00")
    await screenshots(invoicePage, "admin-credit-invoice")("detail")
    await invoicePage.close()
  })
  it("bank transfer: the client sees the instructions with the invoice number, the merchant marks it paid, the service order appears", async () => {
    const email = `bank-${stamp}@example.com`
    const client = await browser.newContext({ viewport: DESKTOP })
    const page = await client.newPage()
    const shot = screenshots(page, "bank-transfer")
    await signUp(page, { email, first_name: "Bea", last_name: "Transfer" })

    await page.goto(`${storefrontUrl()}/services`)
    await page.getByRole("link", { name: /Website audit/ }).first().click()
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("added").waitFor()
    await page.goto(`${storefrontUrl()}/checkout`)
    await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor()
    await page.getByLabel("Address").fill("9 Wire Street")
    await page.getByLabel("City").fill("New York")
    await page.getByLabel("Postal code").fill("10001")
    await page.getByLabel("Country").selectOption("us")
    await page.getByLabel("State").selectOption("NY")
    // Methods paid at checkout come first; bank transfer is chosen on purpose.
    const methods = await page.locator('input[name="provider_id"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(methods).toEqual(["pp_system_default", "pp_bank_transfer_default"])
    await page.locator('input[name="provider_id"][value="pp_bank_transfer_default"]').check()
    await shot("checkout")
    await page.getByTestId("place-order").click()
    await page.getByTestId("order-confirmed").waitFor({ timeout: 60_000 })
    const orderId = page.url().match(/\/order\/([^/]+)\/confirmed/)![1]

    const { invoice } = await storeApi<{ invoice: { id: string; number: string; status: string } }>(`/store/orders/${orderId}/invoice`, {
      token: await authToken("/auth/customer/emailpass", { email, password: "correct-horse-battery" }),
    })
    expect(invoice.status).toBe("open")
    await page.getByTestId("payment-instructions").waitFor()
    expect(await text(page, "payment-reference")).toContain(invoice.number)
    expect(await page.getByTestId("payment-instructions").textContent()).toContain("$486.00")
    await shot("confirmation")

    // The merchant marks the invoice paid in the admin.
    const admin = await open(`/invoices/${invoice.id}`, "invoice-mark-paid")
    const adminShot = screenshots(admin, "bank-transfer-admin")
    await admin.getByTestId("invoice-mark-paid").click()
    await admin.getByRole("alertdialog").getByRole("button", { name: /Mark as paid|Confirm|Continue/ }).click()
    await admin.waitForFunction(() => document.querySelector('[data-testid="invoice-detail-status"]')?.textContent?.trim() === "Paid", null, {
      timeout: 60_000,
    })
    await adminShot("paid")
    await admin.close()

    // The client's account now lists the service order.
    await page.goto(`${storefrontUrl()}/portal/service-orders`)
    const row = page.getByTestId("service-order").filter({ hasText: "Website audit" })
    await row.waitFor()
    expect(await row.getAttribute("data-status")).toBe("submitted")
    await shot("account-service-orders")
    await client.close()
  })
})
