import type { Browser, Page } from "playwright-core"
import { type Billing, DESKTOP, fillCheckout, launch, MOBILE, screenshots, storefrontUrl, text } from "./browser"

jest.setTimeout(180_000)

/**
 * A client buys services in the storefront, in a real browser, against the
 * running backend: browse → add two services → change quantity → coupon →
 * checkout with the system (test) payment → confirmation.
 */
describe("storefront checkout", () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function addService(page: Page, name: string, option?: string) {
    await page.goto(`${storefrontUrl()}/services`)
    await page.getByRole("link", { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first().click()
    await page.getByRole("heading", { level: 1, name }).waitFor()
    if (option) {
      await page.getByText(option, { exact: true }).click()
    }
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("added").waitFor()
  }

  const ADA: Billing = { email: "ada@example.com", first: "Ada", last: "Client", street: "1 Main Street", city: "New York", postal: "10001", country: "us", state: "NY" }
  const LENA: Billing = { email: "eu@example.com", first: "Lena", last: "Kunde", street: "Hauptstraße 1", city: "Berlin", postal: "10115", country: "de" }

  it("buys two services with a changed quantity and the demo coupon (desktop)", async () => {
    const page = await browser.newPage({ viewport: DESKTOP })
    const shot = screenshots(page, "desktop")
    // Stripe.js is loaded only where a card payment is configured and chosen.
    const stripeRequests: string[] = []
    page.on("request", (r) => {
      if (/stripe\.com/.test(r.url())) stripeRequests.push(r.url())
    })

    await page.goto(storefrontUrl())
    await page.getByRole("heading", { level: 1 }).waitFor()
    await shot("home")
    await page.getByTestId("browse-services").click()
    await page.getByRole("heading", { level: 1, name: "Services" }).waitFor()
    await shot("catalog")

    await addService(page, "Website audit")
    expect(await text(page, "service-price")).toBe("$450.00")
    // US prices are before tax; the page says what is included, how long it takes and what follows.
    expect(await text(page, "service-tax-note")).toBe("plus tax")
    expect(await page.getByTestId("service-included").locator("li").count()).toBe(4)
    expect(await text(page, "service-turnaround")).toBe("Report in 7 business days")
    expect(await text(page, "service-next-steps")).toMatch(/^After paying/)
    await shot("service")
    await addService(page, "Logo design", "Premium")
    expect(await text(page, "service-price")).toBe("$600.00")
    await shot("service-options")
    expect(await text(page, "cart-count")).toBe("2")

    await page.getByTestId("cart-link").click()
    await page.getByRole("heading", { level: 1, name: "Cart" }).waitFor()
    expect(await page.getByTestId("cart-item").count()).toBe(2)
    const audit = page.getByTestId("cart-item").filter({ hasText: "Website audit" })
    await audit.getByTestId("item-quantity").fill("2")
    await audit.getByTestId("update-quantity").click()
    await page.getByTestId("cart-count").filter({ hasText: "3" }).waitFor()
    // 2 × 450 + 600 = 1,500; 8 % US sales tax on it
    expect(await text(page, "subtotal")).toBe("$1,500.00")
    expect(await text(page, "tax")).toBe("$120.00")
    expect(await text(page, "total")).toBe("$1,620.00")
    await shot("cart")

    await page.getByTestId("coupon-input").fill("WELCOME10")
    await page.getByTestId("apply-coupon").click()
    await page.getByTestId("applied-coupon").waitFor()
    // 10 % off 1,500 = 150 before tax; 1,500 − 150 + 108 tax = 1,458
    expect(await text(page, "discount")).toBe("−$150.00")
    expect(await text(page, "tax")).toBe("$108.00")
    expect(await text(page, "total")).toBe("$1,458.00")
    await shot("cart-coupon")

    await page.getByTestId("checkout-button").click()
    await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor()
    await fillCheckout(page, { ...ADA, state: undefined })
    // A US address needs its state: the browser refuses to send the form without one.
    expect(await page.getByTestId("province-select").evaluate((el) => (el as HTMLSelectElement).required)).toBe(true)
    expect(await page.getByTestId("province-select").evaluate((el) => (el as HTMLSelectElement).validity.valid)).toBe(false)
    await page.getByLabel("State").selectOption("NY")
    await expect(page.getByLabel(/Test payment/).isChecked()).resolves.toBe(true)
    await shot("checkout")
    await page.getByTestId("place-order").click()

    await page.getByTestId("order-confirmed").waitFor({ timeout: 60_000 })
    expect(await text(page, "order-confirmed")).toMatch(/^Order #\d+ is confirmed$/)
    // Written as in the US, with the country's name; a guest is promised no account, but the
    // portal, which they enter by emailed link (their email filled in, back to this order).
    expect(await page.getByTestId("billing-address").innerText()).toContain("New York, NY 10001\nUnited States")
    expect(await text(page, "order-contact")).not.toMatch(/account/)
    const portal = new URL((await page.getByTestId("order-portal-login").getAttribute("href")) as string, storefrontUrl())
    expect(portal.pathname).toBe("/portal/login")
    expect(portal.searchParams.get("next")).toMatch(/^\/portal\/orders\/order_/)
    expect(await page.getByTestId("order-item").count()).toBe(2)
    expect(await text(page, "total")).toBe("$1,458.00")
    await shot("confirmation")
    expect(await text(page, "cart-count")).toBe("0")
    if (!process.env.NEXT_PUBLIC_STRIPE_KEY) {
      expect(stripeRequests).toEqual([])
    }
    await page.close()
  })

  it("buys a service in euros on a phone", async () => {
    const page = await browser.newPage({ viewport: MOBILE })
    const shot = screenshots(page, "mobile")
    await page.goto(storefrontUrl())
    // The region switch fits the phone's header, and a service is a compact row, not half a screen.
    const select = await page.getByTestId("region-select").boundingBox()
    expect(select && select.x >= 0 && select.x + select.width <= MOBILE.width).toBe(true)
    await page.getByTestId("region-select").selectOption({ label: "EUR · Europe" })
    await page.getByText("€", { exact: false }).first().waitFor()
    const card = await page.getByTestId("service-card").first().boundingBox()
    expect(card!.height).toBeLessThan(MOBILE.height / 4)
    await shot("home-eur")

    await addService(page, "Brand strategy workshop (EU)")
    expect(await text(page, "service-price")).toBe("€1,200.00")
    await shot("service")
    await page.getByTestId("cart-link").click()
    await page.getByTestId("cart-item").first().waitFor()
    await shot("cart")
    await page.getByTestId("checkout-button").click()
    await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor()
    await fillCheckout(page, LENA)
    await shot("checkout")
    await page.getByTestId("place-order").click()
    await page.getByTestId("order-confirmed").waitFor({ timeout: 60_000 })
    // 1,200 + 19 % German VAT
    expect(await text(page, "total")).toBe("€1,428.00")
    expect(await page.getByTestId("billing-address").innerText()).toContain("10115 Berlin\nGermany")
    await shot("confirmation")
    await page.close()
  })

  it("shows the backend's refusal of a bad coupon in words and keeps the cart", async () => {
    const page = await browser.newPage({ viewport: DESKTOP })
    const shot = screenshots(page, "error")
    await addService(page, "Copywriting")
    await page.goto(`${storefrontUrl()}/cart`)
    await page.getByTestId("coupon-input").fill("NOT-A-CODE")
    await page.getByTestId("apply-coupon").click()
    const error = page.getByTestId("form-error")
    await error.waitFor()
    expect(await error.textContent()).toMatch(/NOT-A-CODE/)
    // What the client typed stays in the field for them to correct.
    expect(await page.getByTestId("coupon-input").inputValue()).toBe("NOT-A-CODE")
    await shot("bad-coupon")
    expect(await page.getByTestId("cart-item").count()).toBe(1)
    expect(await page.getByTestId("applied-coupon").count()).toBe(0)
    await page.close()
  })
})
