import type { Browser, Page } from "playwright-core"
import { backendUrl, fillCheckout, launch, loginLinkFor, MOBILE, screenshots, storefrontUrl, text } from "./browser"

jest.setTimeout(300_000)

const WIDTHS = [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", MOBILE],
] as const

/**
 * The customer portal, in a real browser at desktop and phone widths: a
 * guest buys the demo's logo design (which asks for a brief), reaches its
 * service order from the confirmation page (this browser's order token),
 * then, in another browser, opens the invoice's deep link, is sent to the
 * login page, asks for a login link, opens it from the dev mailbox, presses
 * "Sign in" and comes back to the invoice (the guest order is now theirs):
 * downloads its PDF, sees the purchase in the overview with the brief to
 * fill, fills it in, and signs out. A used or made-up link is refused in words.
 */
describe.each(WIDTHS)("customer portal (%s)", (name, viewport) => {
  let browser: Browser
  const email = `pat-${name}-${Date.now().toString(36)}@example.com`
  let orderId = ""
  let invoiceNumber = ""

  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })
  // The stack is shared: start each test on a backend that answers.
  beforeEach(async () => {
    for (let i = 0; i < 60; i++) {
      if (await fetch(`${backendUrl()}/health`).then((r) => r.ok, () => false)) return
      await new Promise((r) => setTimeout(r, 1000))
    }
  }, 70_000)

  it("a guest buys a service and reaches its service order from the confirmation page", async () => {
    const context = await browser.newContext({ viewport })
    const page = await context.newPage()
    const shot = screenshots(page, `portal-${name}-guest`)
    await page.goto(`${storefrontUrl()}/services/logo-design`)
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("added").waitFor()
    await page.goto(`${storefrontUrl()}/checkout`)
    await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor()
    await fillCheckout(page, { email, first: "Pat", last: "Portal", street: "7 Portal Road", city: "Boston", postal: "02101", country: "us", state: "MA" })
    await page.getByTestId("place-order").click()
    await page.getByTestId("order-confirmed").waitFor({ timeout: 60_000 })
    orderId = page.url().split("/order/")[1].split("/")[0]
    invoiceNumber = await text(page, "invoice-number")
    expect(invoiceNumber).toMatch(/^INV-/)
    // The order's access token (an httpOnly cookie of this browser) opens its service orders.
    const cookie = (await context.cookies()).find((c) => c.name === `_portico_order_${orderId}`)
    expect(cookie?.httpOnly).toBe(true)
    const row = page.getByTestId("service-order").first()
    await row.waitFor()
    expect(await row.getAttribute("data-status")).toBe("pending")
    await shot("confirmation")
    await row.getByTestId("intake-link").click()
    await page.getByTestId("intake-form").waitFor()
    expect(new URL(page.url()).pathname).toMatch(/^\/portal\/service-orders\//)
    await shot("service-order")
    await context.close()
  })

  it("signs in by emailed link from a deep link, downloads the invoice PDF, fills in the brief", async () => {
    const context = await browser.newContext({ viewport })
    const page = await context.newPage()
    const shot = screenshots(page, `portal-${name}`)

    // The invoice's deep link goes through the login page and keeps where to come back.
    await page.goto(`${storefrontUrl()}/portal/invoices/${invoiceNumber}`)
    await page.getByTestId("login-title").waitFor()
    expect(new URL(page.url()).searchParams.get("next")).toBe(`/portal/invoices/${invoiceNumber}`)
    expect(await page.getByTestId("password-login").evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false)
    await shot("login")
    const since = new Date(Date.now() - 1000).toISOString()
    await page.locator("#magic-email").fill(email)
    await page.getByTestId("magic-link-submit").click()
    await page.getByTestId("login-link-sent").waitFor()
    expect(await text(page, "login-link-email")).toBe(email)
    await shot("check-email")

    // The link from the dev mailbox opens a page; only its button signs in.
    const link = await loginLinkFor(email, since)
    expect(new URL(link).pathname).toBe("/portal/login/verify")
    await page.goto(link)
    await page.getByTestId("verify-title").waitFor()
    await shot("verify")
    await page.getByTestId("verify-submit").click()
    await page.getByTestId("invoice-detail").waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).pathname).toBe(`/portal/invoices/${invoiceNumber}`)
    expect(await text(page, "portal-email")).toBe(email)
    expect(await text(page, "invoice-detail-number")).toBe(`Invoice ${invoiceNumber}`)
    expect(await page.getByTestId("invoice-line").count()).toBeGreaterThan(0)
    expect(await text(page, "invoice-line")).toContain("Logo design")
    await shot("invoice")

    // The PDF comes through the storefront with the client's session.
    const href = (await page.getByTestId("invoice-pdf").getAttribute("href")) as string
    const pdf = await page.request.get(new URL(href, storefrontUrl()).toString())
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()["content-type"]).toMatch(/^application\/pdf/)
    expect(pdf.headers()["content-disposition"]).toMatch(/^attachment/)
    expect(Buffer.from(await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-")

    // The link works once.
    const reuse = await context.newPage()
    await reuse.goto(link)
    await reuse.getByTestId("verify-submit").click()
    await reuse.getByTestId("login-link-invalid").waitFor()
    await screenshots(reuse, `portal-${name}-reused`)("invalid")
    await reuse.close()

    // The overview: the brief to fill first, then the purchase (the guest order is now theirs).
    await page.getByTestId("portal-nav").getByRole("link", { name: "Overview" }).click()
    await page.getByTestId("account-title").waitFor()
    await page.getByTestId("briefs-to-fill").waitFor()
    const rows = page.getByTestId("order-row")
    expect(await rows.count()).toBe(1)
    expect(await text(page, "order-row-invoice")).toBe(`Invoice ${invoiceNumber}`)
    await shot("overview")

    await page.getByTestId("portal-nav").getByRole("link", { name: "Invoices" }).click()
    await page.getByTestId("invoice-row").first().waitFor()
    expect(await page.getByTestId("invoice-row").first().getAttribute("data-number")).toBe(invoiceNumber)
    await shot("invoices")

    // The brief, filled in from the portal.
    await page.getByTestId("portal-nav").getByRole("link", { name: "Overview" }).click()
    await page.getByTestId("briefs-to-fill-link").click()
    await page.getByTestId("intake-form").waitFor()
    expect(await text(page, "service-order-status")).toBe("Pending")
    await page.getByLabel(/^Brand name/).fill("Pat's Portals")
    await page.getByLabel(/^What does your business do/).fill("We build doors into customer portals.")
    await page.getByLabel(/^Style/).selectOption("Minimal")
    await page.getByLabel(/^Who approves the drafts/).fill(email)
    await page.getByLabel(/^I own the rights/).check()
    await shot("brief")
    await page.getByTestId("intake-submit").click()
    await page.getByTestId("intake-thanks").waitFor({ timeout: 30_000 })
    expect(await text(page, "service-order-status")).toBe("Submitted")
    expect(await page.getByTestId("service-order-history").textContent()).toContain("Pending → Submitted")
    await shot("brief-sent")

    await page.getByTestId("portal-nav").getByRole("link", { name: "Service orders" }).click()
    await page.getByTestId("service-order").first().waitFor()
    expect(await page.getByTestId("service-order").first().getAttribute("data-status")).toBe("submitted")
    await shot("service-orders")

    await page.getByTestId("sign-out").click()
    await page.getByTestId("login-title").waitFor()
    const back = await page.goto(`${storefrontUrl()}/portal/invoices/${invoiceNumber}/pdf`)
    expect(new URL(page.url()).pathname).toBe("/portal/login")
    expect(back?.headers()["content-type"]).not.toMatch(/pdf/)
    await context.close()
  })

  it("refuses a made-up login link in words, with a way to ask for a new one", async () => {
    const context = await browser.newContext({ viewport })
    const page: Page = await context.newPage()
    await page.goto(`${storefrontUrl()}/portal/login/verify?token=${"x".repeat(43)}&next=/portal/credit`)
    await page.getByTestId("verify-submit").click()
    await page.getByTestId("login-link-invalid").waitFor()
    expect(await text(page, "login-link-invalid")).toContain("This login link is invalid or has expired")
    await page.getByTestId("request-new-link").click()
    await page.getByTestId("login-title").waitFor()
    expect(new URL(page.url()).searchParams.get("next")).toBe("/portal/credit")
    await context.close()
  })
})
