import type { Browser, Page } from "playwright-core"
import { DESKTOP, fillCheckout, launch, MOBILE, screenshots, storefrontUrl, text } from "./browser"

jest.setTimeout(240_000)

/**
 * The catalog by folder, the one-currency cart and the invoice, in a real
 * browser against the running backend and the demo data: folders Design (2
 * services: the logo and the icon set), Marketing (3) and Consulting (2: a workshop priced in EUR only and
 * a consultation priced in USD only).
 */
describe("storefront catalog, currency lock and invoice", () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })

  /** Title and price line of each service card, in page order. */
  async function cards(page: Page) {
    await page.getByTestId("service-card").first().waitFor()
    const all = page.getByTestId("service-card")
    const out: { title: string; price: string }[] = []
    for (let i = 0; i < (await all.count()); i++) {
      out.push({
        title: ((await all.nth(i).locator("h3").textContent()) ?? "").trim(),
        price: ((await all.nth(i).getByTestId("service-card-price").textContent()) ?? "").trim(),
      })
    }
    return out
  }

  async function chooseRegion(page: Page, label: string, expected: RegExp) {
    await page.getByTestId("region-select").selectOption({ label })
    await page.getByTestId("region-select").and(page.locator(":enabled")).waitFor()
    await page.waitForFunction(
      ([re]) => new RegExp(re).test(document.querySelector("main")?.textContent ?? ""),
      [expected.source]
    )
  }

  it("browses the folder tree and a folder's services, priced in the client's currency", async () => {
    const page = await browser.newPage({ viewport: DESKTOP })
    const shot = screenshots(page, "catalog")

    await page.goto(`${storefrontUrl()}/services`)
    await page.getByRole("heading", { level: 1, name: "Services" }).waitFor()
    const nav = page.getByRole("navigation", { name: "Service folders" })
    // Every folder with the number of services in it, in the merchant's order.
    const links = nav.getByTestId("folder-link")
    expect(await links.allTextContents()).toEqual(["Design2, 2 services", "Marketing3, 3 services", "Consulting2, 2 services"])
    expect(await nav.getByRole("link", { name: "All services" }).getAttribute("aria-current")).toBe("page")
    await shot("tree")

    await nav.getByRole("link", { name: /^Consulting/ }).click()
    await page.getByRole("heading", { level: 1, name: "Consulting" }).waitFor()
    expect(page.url()).toBe(`${storefrontUrl()}/services/folders/consulting`)
    expect(await text(page, "breadcrumbs")).toBe("Services/Consulting")
    expect(await text(page, "folder-count")).toBe("2 services")
    expect(await nav.getByRole("link", { name: /^Consulting/ }).getAttribute("aria-current")).toBe("page")
    // The EUR-only workshop is listed, but not as something to buy in USD.
    expect(await cards(page)).toEqual([
      { title: "Brand strategy workshop (EU)", price: "Not available in USD" },
      { title: "US tax consultation", price: "$250.00" },
    ])
    expect(await page.getByTestId("add-to-cart").count()).toBe(0)
    await shot("consulting-usd")

    await page.goto(`${storefrontUrl()}/services/folders/marketing`)
    await page.getByRole("heading", { level: 1, name: "Marketing" }).waitFor()
    expect(await cards(page)).toEqual([
      { title: "Website audit", price: "$450.00" },
      { title: "Monthly SEO retainer", price: "$900.00 / month" },
      { title: "Copywriting (1,000 words)", price: "$120.00" },
    ])
    await shot("marketing")

    // A recurring service says how it is billed; its breadcrumbs lead back to its folder.
    await page.getByRole("link", { name: /Monthly SEO retainer/ }).click()
    await page.getByRole("heading", { level: 1, name: "Monthly SEO retainer" }).waitFor()
    expect(await text(page, "service-price")).toBe("$900.00")
    expect(await text(page, "service-billing")).toBe("Billed every month, until you cancel")
    expect(await text(page, "breadcrumbs")).toBe("Services/Marketing/Monthly SEO retainer")
    await shot("recurring-service")
    await page.getByTestId("breadcrumbs").getByRole("link", { name: "Marketing" }).click()
    await page.getByRole("heading", { level: 1, name: "Marketing" }).waitFor()

    // In euros the same folder shows the workshop's price and marks the USD-only service.
    await page.goto(`${storefrontUrl()}/services/folders/consulting`)
    await chooseRegion(page, "EUR · Europe", /€1,200\.00/)
    expect(await cards(page)).toEqual([
      { title: "Brand strategy workshop (EU)", price: "€1,200.00" },
      { title: "US tax consultation", price: "Not available in EUR" },
    ])
    await shot("consulting-eur")

    // A service not priced in the client's currency cannot be added from its page.
    await page.getByRole("link", { name: /US tax consultation/ }).click()
    await page.getByRole("heading", { level: 1, name: "US tax consultation" }).waitFor()
    expect(await text(page, "service-price")).toBe("Not available in EUR")
    expect(await page.getByTestId("add-to-cart").isDisabled()).toBe(true)
    await shot("not-available")

    const missing = await page.goto(`${storefrontUrl()}/services/folders/no-such-folder`)
    expect(missing?.status()).toBe(404)
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found")
    await page.close()
  })

  it("shows sub-folders with breadcrumbs to their parents", async () => {
    const backend = process.env.E2E_BACKEND_URL
    if (!backend) {
      throw new Error("E2E_BACKEND_URL is not set: run with `npm run test:e2e`")
    }
    const auth = await fetch(`${backend}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD }),
    }).then((r) => r.json())
    const admin = async (path: string, init: { method?: string; body?: unknown } = {}) => {
      const res = await fetch(`${backend}${path}`, {
        method: init.method ?? "GET",
        headers: { "content-type": "application/json", authorization: `Bearer ${auth.token}` },
        body: init.body ? JSON.stringify(init.body) : undefined,
      })
      if (!res.ok) {
        throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${await res.text()}`)
      }
      return res.json()
    }
    const {
      folders: [consulting],
    } = await admin("/admin/portico/folders?handle=consulting")
    const {
      products: [tax],
    } = await admin("/admin/products?handle=us-tax-consultation&fields=id")
    // The merchant files the tax consultation in a sub-folder of Consulting.
    const { folder: sub } = await admin("/admin/portico/folders", {
      method: "POST",
      body: { name: "Tax advice", handle: "e2e-tax-advice", description: "Calls with tax advisers.", parent_id: consulting.id },
    })
    await admin(`/admin/portico/folders/${sub.id}/services`, { method: "POST", body: { add: [tax.id] } })

    const page = await browser.newPage({ viewport: DESKTOP })
    const shot = screenshots(page, "catalog-subfolder")
    try {
      await page.goto(`${storefrontUrl()}/services/folders/consulting`)
      await page.getByRole("heading", { level: 1, name: "Consulting" }).waitFor()
      const nav = page.getByRole("navigation", { name: "Service folders" })
      // Consulting counts the services of its sub-folders too.
      expect(await nav.getByTestId("folder-link").allTextContents()).toEqual([
        "Design2, 2 services",
        "Marketing3, 3 services",
        "Consulting2, 2 services",
        "Tax advice1, 1 service",
      ])
      expect(await page.getByTestId("subfolder").allTextContents()).toEqual(["Tax adviceCalls with tax advisers.1 service"])
      expect(await text(page, "folder-count")).toBe("1 service")
      expect(await cards(page)).toEqual([{ title: "Brand strategy workshop (EU)", price: "Not available in USD" }])
      await shot("parent")

      await page.getByTestId("subfolder").click()
      await page.getByRole("heading", { level: 1, name: "Tax advice" }).waitFor()
      expect(page.url()).toBe(`${storefrontUrl()}/services/folders/e2e-tax-advice`)
      expect(await text(page, "breadcrumbs")).toBe("Services/Consulting/Tax advice")
      expect(await cards(page)).toEqual([{ title: "US tax consultation", price: "$250.00" }])
      await shot("child")

      await page.getByRole("link", { name: /US tax consultation/ }).click()
      await page.getByRole("heading", { level: 1, name: "US tax consultation" }).waitFor()
      expect(await text(page, "breadcrumbs")).toBe("Services/Consulting/Tax advice/US tax consultation")
      await page.getByTestId("breadcrumbs").getByRole("link", { name: "Consulting" }).click()
      await page.getByRole("heading", { level: 1, name: "Consulting" }).waitFor()
    } finally {
      await page.close()
      // Back as the demo had it, for the other tests.
      await admin(`/admin/portico/folders/${consulting.id}/services`, { method: "POST", body: { add: [tax.id] } })
      await admin(`/admin/portico/folders/${sub.id}`, { method: "DELETE" })
    }
  })

  it("opens a folder from the select on a phone", async () => {
    const page = await browser.newPage({ viewport: MOBILE })
    const shot = screenshots(page, "catalog-mobile")
    await page.goto(`${storefrontUrl()}/services`)
    await page.getByRole("heading", { level: 1, name: "Services" }).waitFor()
    // The sidebar gives way to one select on small screens.
    expect(await page.getByRole("navigation", { name: "Service folders" }).isVisible()).toBe(false)
    const select = page.getByTestId("folder-select")
    expect(await select.locator("option").allTextContents()).toEqual([
      "All services (7)",
      "Design (2)",
      "Marketing (3)",
      "Consulting (2)",
    ])
    await shot("select")
    await select.selectOption({ label: "Marketing (3)" })
    await page.getByRole("heading", { level: 1, name: "Marketing" }).waitFor()
    expect(page.url()).toBe(`${storefrontUrl()}/services/folders/marketing`)
    expect(await select.inputValue()).toBe("marketing")
    expect((await cards(page)).map((c) => c.title)).toEqual(["Website audit", "Monthly SEO retainer", "Copywriting (1,000 words)"])
    await shot("folder")
    await page.close()
  })

  it("explains the one-currency cart in words, keeps the cart, and shows the invoice number at confirmation", async () => {
    // One client, two tabs (they share the cart and region cookies).
    const context = await browser.newContext({ viewport: DESKTOP })
    const eur = await context.newPage()
    const usd = await context.newPage()
    const shot = screenshots(usd, "currency")
    const shotEur = screenshots(eur, "currency-eur-tab")

    // Tab 1, in euros and with no cart yet: the workshop is for sale.
    await eur.goto(storefrontUrl())
    await chooseRegion(eur, "EUR · Europe", /€/)
    await eur.goto(`${storefrontUrl()}/services/brand-workshop-eu`)
    await eur.getByRole("heading", { level: 1, name: "Brand strategy workshop (EU)" }).waitFor()
    expect(await text(eur, "service-price")).toBe("€1,200.00")

    // Tab 2: back to dollars and a USD-only service in the cart.
    await usd.goto(storefrontUrl())
    await chooseRegion(usd, "USD · United States", /\$/)
    await usd.goto(`${storefrontUrl()}/services/us-tax-consultation`)
    expect(await text(usd, "service-price")).toBe("$250.00")
    await usd.getByTestId("add-to-cart").click()
    await usd.getByTestId("added").waitFor()
    expect(await text(usd, "cart-count")).toBe("1")

    // Tab 1 still shows the workshop in euros; the USD cart refuses it, in words.
    await eur.getByTestId("add-to-cart").click()
    const error = eur.getByTestId("form-error")
    await error.waitFor()
    expect(await error.textContent()).toBe(
      "\"Brand strategy workshop (EU)\" is priced in EUR only, but this cart is in USD. All services in a cart must share one currency. " +
        "To buy it, check out or empty your USD cart first, then switch the region to EUR."
    )
    expect(await eur.getByTestId("mismatch-cart-link").getAttribute("href")).toBe("/cart")
    expect(await eur.getByTestId("added").count()).toBe(0)
    // The tab catches up with the cart: dollars, one item, the workshop not for sale.
    await eur.getByTestId("cart-count").filter({ hasText: "1" }).waitFor()
    expect(await text(eur, "service-price")).toBe("Not available in USD")
    expect(await eur.getByTestId("add-to-cart").isDisabled()).toBe(true)
    await shotEur("refused")

    // The cart is as it was.
    await usd.goto(`${storefrontUrl()}/cart`)
    await usd.getByRole("heading", { level: 1, name: "Cart" }).waitFor()
    expect(await usd.getByTestId("cart-item").allTextContents()).toHaveLength(1)
    expect(await usd.getByTestId("cart-item").first().textContent()).toContain("US tax consultation")
    expect(await text(usd, "subtotal")).toBe("$250.00")
    expect(await text(usd, "cart-count")).toBe("1")

    // Moving this cart to euros is refused the same way; the region stays USD.
    await usd.getByTestId("region-select").selectOption({ label: "EUR · Europe" })
    const regionError = usd.getByTestId("region-error")
    await regionError.waitFor()
    expect(await regionError.textContent()).toBe(
      "This cart cannot switch to EUR: \"US tax consultation\" is priced in USD only. Remove it first, or keep the cart's current currency. " +
        "Your cart and prices stay in USD: check out or empty the cart first to shop in EUR."
    )
    expect(await usd.getByTestId("region-select").inputValue()).toBe(
      await usd.locator('#region-select option', { hasText: "USD" }).getAttribute("value")
    )
    await shot("region-refused")
    await usd.reload()
    expect(await text(usd, "subtotal")).toBe("$250.00")
    expect(await usd.getByTestId("region-select").locator("option:checked").textContent()).toBe("USD · United States")

    // Checkout in dollars: the confirmation names the invoice.
    await usd.getByTestId("checkout-button").click()
    await usd.getByRole("heading", { level: 1, name: "Checkout" }).waitFor()
    await fillCheckout(usd, { email: "invoice@example.com", first: "Ivy", last: "Client", street: "2 Main Street", city: "New York", postal: "10001", country: "us", state: "NY" })
    await usd.getByTestId("place-order").click()
    await usd.getByTestId("order-confirmed").waitFor({ timeout: 60_000 })
    expect(await text(usd, "invoice-number")).toMatch(/^INV-\d{6}$/)
    // The demo's system payment provider counts as paid at completion.
    expect(await text(usd, "invoice-status")).toBe("Paid")
    // 250 + 8 % US sales tax
    expect(await text(usd, "total")).toBe("$270.00")
    await shot("confirmation")
    await context.close()
  })
})
