import type { Browser } from "playwright-core"
import { DESKTOP, launch, screenshots, signUp, storefrontUrl, text } from "./browser"

jest.setTimeout(180_000)

/** Sign up, buy, find the order in the portal; someone else's order is not found. */
describe("storefront account", () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function register(email: string, first: string) {
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await signUp(page, { email, first_name: first })
    return { context, page }
  }

  it("shows a signed-in client their orders and hides other clients' orders", async () => {
    const stamp = Date.now()
    const { context, page } = await register(`mia-${stamp}@example.com`, "Mia")
    const shot = screenshots(page, "account")
    expect(await text(page, "account-title")).toBe("Hello, Mia")
    await shot("empty")

    await page.goto(`${storefrontUrl()}/services`)
    await page.getByRole("link", { name: /Website audit/ }).first().click()
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("added").waitFor()
    await page.goto(`${storefrontUrl()}/checkout`)
    // The signed-in client's email and name are filled in.
    await expect(page.getByLabel("Email").inputValue()).resolves.toBe(`mia-${stamp}@example.com`)
    await page.getByLabel("Address").fill("5 Side Street")
    await page.getByLabel("City").fill("Boston")
    await page.getByLabel("Postal code").fill("02101")
    await page.getByLabel("State").selectOption("MA")
    await page.getByTestId("place-order").click()
    await page.getByTestId("order-confirmed").waitFor({ timeout: 60_000 })
    const orderUrl = page.url()
    const orderId = orderUrl.split("/order/")[1].split("/")[0]

    // The old account address leads to the portal.
    await page.goto(`${storefrontUrl()}/account`)
    expect(new URL(page.url()).pathname).toBe("/portal")
    expect(await page.getByTestId("order-row").count()).toBe(1)
    await shot("orders")
    await page.getByTestId("order-row").first().click()
    await page.getByTestId("order-item").first().waitFor()
    await shot("order-detail")

    // Another client cannot open Mia's order from their account.
    const other = await register(`noah-${stamp}@example.com`, "Noah")
    const res = await other.page.goto(`${storefrontUrl()}/portal/orders/${orderId}`)
    expect(res?.status()).toBe(404)
    expect(await other.page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found")
    // Nor its confirmation page, signed in or not: a registered client's order is theirs only.
    const confirmation = await other.page.goto(`${storefrontUrl()}/order/${orderId}/confirmed`)
    expect(confirmation?.status()).toBe(404)
    expect(await other.page.getByTestId("order-confirmed").count()).toBe(0)
    const anonymous = await browser.newContext()
    const stranger = await anonymous.newPage()
    expect((await stranger.goto(`${storefrontUrl()}/order/${orderId}/confirmed`))?.status()).toBe(404)
    expect(await stranger.content()).not.toContain(`mia-${stamp}@example.com`)
    await anonymous.close()
    await other.context.close()
    await context.close()
  })
})
