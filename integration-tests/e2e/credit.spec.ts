import type { Browser, BrowserContext, Page } from "playwright-core"
import { adminApi, DESKTOP, launch, MOBILE, screenshots, signUp, storefrontUrl, text } from "./browser"

jest.setTimeout(300_000)

/** The merchant grants (or deducts) USD credit to the client with this email. */
async function adjustCredit(email: string, type: "grant" | "deduct", amount: number, note: string) {
  const { customers } = await adminApi<{ customers: { id: string; email: string }[] }>(
    `/admin/customers?q=${encodeURIComponent(email)}&fields=id,email`
  )
  const customer = customers.find((c) => c.email === email)
  if (!customer) {
    throw new Error(`No customer ${email}`)
  }
  await adminApi(`/admin/portico/customers/${customer.id}/credit/adjustments`, {
    body: { type, currency_code: "usd", amount, note },
  })
}

/**
 * Account credit in the storefront, in a real browser against the running
 * backend: the merchant grants credit through the admin API, the client sees
 * it in their account, and checkout applies it: covering the whole cart (no
 * payment method asked) or part of it (the rest paid with the test payment),
 * including a balance that shrinks while the client is at checkout, and a
 * later refund of an order to credit.
 *
 * "Website audit" costs $450 + 8 % US sales tax = $486.
 */
describe("storefront account credit", () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function register(viewport: typeof DESKTOP, email: string, first: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport })
    const page = await context.newPage()
    await signUp(page, { email, first_name: first })
    return { context, page }
  }

  async function addWebsiteAudit(page: Page) {
    await page.goto(`${storefrontUrl()}/services`)
    await page.getByRole("link", { name: /Website audit/ }).first().click()
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("added").waitFor()
  }

  async function fillAddress(page: Page) {
    await page.getByLabel("Address").fill("7 Credit Lane")
    await page.getByLabel("City").fill("New York")
    await page.getByLabel("Postal code").fill("10001")
    await page.getByLabel("Country").selectOption("us")
    await page.getByLabel("State").selectOption("NY")
  }

  /** The history table's rows as the client reads them. */
  async function history(page: Page) {
    const rows = page.getByTestId("credit-row")
    await rows.first().waitFor()
    const out: { description: string; note: string; amount: string; after: string }[] = []
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i)
      const note = row.getByTestId("credit-note")
      out.push({
        description: ((await row.getByTestId("credit-description").textContent()) ?? "").trim(),
        note: (await note.count()) ? ((await note.textContent()) ?? "").trim() : "",
        amount: ((await row.getByTestId("credit-amount").textContent()) ?? "").trim(),
        after: ((await row.getByTestId("credit-balance-after").textContent()) ?? "").trim(),
      })
    }
    return out
  }

  it("pays a whole order with account credit: no payment method asked, credit shown on the order and in the account", async () => {
    const email = `zoe-${Date.now()}@example.com`
    const { context, page } = await register(DESKTOP, email, "Zoe")
    const shot = screenshots(page, "credit-full")

    // No credit yet: the account says so.
    await page.getByRole("link", { name: "Account credit" }).click()
    await page.getByTestId("credit-empty").waitFor()
    await shot("account-credit-empty")

    await adjustCredit(email, "grant", 600, "Welcome credit")
    await page.goto(`${storefrontUrl()}/portal`)
    expect(await text(page, "credit-summary-balance")).toBe("$600.00")
    await shot("account")
    await page.getByRole("navigation", { name: "Customer portal" }).getByRole("link", { name: "Account credit" }).click()
    await page.getByTestId("credit-title").waitFor()
    expect(await text(page, "credit-balance")).toBe("$600.00")
    expect(await history(page)).toEqual([
      { description: "Added by the store", note: "Welcome credit", amount: "+$600.00", after: "$600.00" },
    ])
    await shot("account-credit")

    // The cart already counts the credit: nothing left to pay.
    await addWebsiteAudit(page)
    await page.goto(`${storefrontUrl()}/cart`)
    await page.getByTestId("cart-item").first().waitFor()
    expect(await text(page, "total")).toBe("$486.00")
    expect(await text(page, "credit")).toBe("−$486.00")
    expect(await text(page, "amount-due")).toBe("$0.00")
    await shot("cart")

    await page.getByTestId("checkout-button").click()
    await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor()
    await fillAddress(page)
    const useCredit = page.getByTestId("use-credit")
    expect(await useCredit.isChecked()).toBe(true)
    expect(await page.getByTestId("credit-option").textContent()).toContain("Use my account credit ($600.00 available)")
    expect(await text(page, "nothing-to-pay")).toBe("Paid with account credit — nothing more to pay")
    expect(await page.locator('input[name="provider_id"]').count()).toBe(0)
    expect(await page.getByTestId("place-order").isEnabled()).toBe(true)
    await shot("checkout-covered")

    // Switching credit off asks for a payment method for the full amount; on again, nothing to pay.
    await useCredit.uncheck()
    await page.getByTestId("pay-remaining").waitFor()
    expect(await text(page, "pay-remaining")).toBe("Pay $486.00 with:")
    expect(await page.getByLabel(/Test payment/).isChecked()).toBe(true)
    expect(await page.getByTestId("credit").count()).toBe(0)
    // What the client typed is still there.
    expect(await page.getByLabel("Address").inputValue()).toBe("7 Credit Lane")
    await shot("checkout-credit-off")
    await useCredit.check()
    await page.getByTestId("nothing-to-pay").waitFor()
    expect(await text(page, "amount-due")).toBe("$0.00")
    await page.getByTestId("place-order").and(page.locator(":enabled")).waitFor()

    await page.getByTestId("place-order").click()
    await page.getByTestId("order-confirmed").waitFor({ timeout: 60_000 })
    const orderId = page.url().split("/order/")[1].split("/")[0]
    expect(await text(page, "credit-paid")).toBe("Paid in full with your account credit: nothing more to pay.")
    expect(await text(page, "total")).toBe("$486.00")
    expect(await text(page, "credit")).toBe("−$486.00")
    expect(await text(page, "amount-due")).toBe("$0.00")
    const totals = page.getByTestId("totals")
    expect(await totals.getByText("Account credit used").count()).toBe(1)
    expect(await totals.getByText("Amount paid").count()).toBe(1)
    expect(await text(page, "invoice-status")).toBe("Paid")
    const invoiceNumber = await text(page, "invoice-number")
    const orderTitle = await text(page, "order-confirmed")
    await shot("confirmation")

    // Medusa kept the credit on the order and took no payment.
    const { order } = await adminApi(`/admin/orders/${orderId}?fields=id,total,*credit_lines,*payment_collections`)
    expect(order.credit_lines).toEqual([expect.objectContaining({ reference: "store-credit", amount: 486 })])
    expect(order.payment_collections ?? []).toHaveLength(0)

    // The account shows what is left and what the order used.
    await page.goto(`${storefrontUrl()}/portal/credit`)
    expect(await text(page, "credit-balance")).toBe("$114.00")
    const displayId = orderTitle.match(/#(\d+)/)![1]
    expect(await history(page)).toEqual([
      { description: `Used for order #${displayId} (${invoiceNumber})`, note: "", amount: "−$486.00", after: "$114.00" },
      { description: "Added by the store", note: "Welcome credit", amount: "+$600.00", after: "$600.00" },
    ])
    await shot("account-credit-after")
    await page.setViewportSize(MOBILE)
    await shot("account-credit-phone")
    await page.setViewportSize(DESKTOP)

    // The order list gives the order's value and what credit paid of it.
    await page.goto(`${storefrontUrl()}/portal`)
    expect(await text(page, "credit-summary-balance")).toBe("$114.00")
    const row = page.getByTestId("order-row")
    expect(await row.count()).toBe(1)
    expect(await row.textContent()).toContain("$486.00")
    expect(await text(page, "order-row-credit")).toBe("$486.00 paid with credit")
    await shot("account-orders")

    // The history links to the order, whose page tells the same.
    await page.goto(`${storefrontUrl()}/portal/credit`)
    await page.getByTestId("credit-description").first().getByRole("link").click()
    await page.getByRole("heading", { level: 1, name: `Order #${displayId}` }).waitFor()
    expect(await text(page, "credit")).toBe("−$486.00")
    expect(await text(page, "amount-due")).toBe("$0.00")
    await shot("account-order")
    await context.close()
  })

  it("pays the rest with the test payment when credit covers part, asks again when the balance shrinks meanwhile, shows a later refund to credit (phone)", async () => {
    const email = `max-${Date.now()}@example.com`
    const { context, page } = await register(MOBILE, email, "Max")
    const shot = screenshots(page, "credit-partial")
    await adjustCredit(email, "grant", 100, "Goodwill")

    await addWebsiteAudit(page)
    await page.goto(`${storefrontUrl()}/checkout`)
    await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor()
    await fillAddress(page)
    expect(await page.getByTestId("use-credit").isChecked()).toBe(true)
    expect(await page.getByTestId("credit-option").textContent()).toContain("($100.00 available)")
    expect(await text(page, "pay-remaining")).toBe("Pay the remaining $386.00 with:")
    expect(await page.getByLabel(/Test payment/).isChecked()).toBe(true)
    expect(await text(page, "credit")).toBe("−$100.00")
    expect(await text(page, "amount-due")).toBe("$386.00")
    await shot("checkout")

    // The merchant takes $40 back while the client is at checkout: the order
    // is not placed for more than the page showed; the client reviews first.
    await adjustCredit(email, "deduct", 40, "Correction")
    await page.getByTestId("place-order").click()
    const error = page.getByTestId("form-error")
    await error.waitFor({ timeout: 60_000 })
    expect(await error.textContent()).toBe("Your account credit changed; the amount due is now $426.00. Review and pay again.")
    await page.getByTestId("amount-due").filter({ hasText: "$426.00" }).waitFor()
    expect(await text(page, "credit")).toBe("−$60.00")
    expect(await text(page, "pay-remaining")).toBe("Pay the remaining $426.00 with:")
    expect(await page.getByLabel("Address").inputValue()).toBe("7 Credit Lane")
    await shot("credit-changed")

    await page.getByTestId("place-order").click()
    await page.getByTestId("order-confirmed").waitFor({ timeout: 60_000 })
    const orderId = page.url().split("/order/")[1].split("/")[0]
    expect(await text(page, "credit-paid")).toBe("$60.00 of it was paid with your account credit.")
    expect(await text(page, "total")).toBe("$486.00")
    expect(await text(page, "credit")).toBe("−$60.00")
    expect(await text(page, "amount-due")).toBe("$426.00")
    expect(await page.getByTestId("totals").getByText("Amount paid").count()).toBe(1)
    await shot("confirmation")

    // The test payment was for the remainder only.
    const { order } = await adminApi(`/admin/orders/${orderId}?fields=id,*credit_lines,*payment_collections`)
    expect(order.credit_lines).toEqual([expect.objectContaining({ reference: "store-credit", amount: 60 })])
    expect(order.payment_collections).toEqual([expect.objectContaining({ amount: 426 })])

    const displayId = (await text(page, "order-confirmed")).match(/#(\d+)/)![1]

    // The store refunds $50 of it to the client's credit: the order page and the history say so.
    await adminApi(`/admin/portico/orders/${orderId}/credit-refunds`, { body: { amount: 50, note: "Partial refund" } })
    await page.goto(`${storefrontUrl()}/portal/orders/${orderId}`)
    await page.getByRole("heading", { level: 1, name: `Order #${displayId}` }).waitFor()
    expect(await text(page, "credit")).toBe("−$60.00")
    expect(await text(page, "amount-due")).toBe("$426.00")
    expect(await text(page, "credit-refund")).toBe("$50.00")
    await shot("account-order-refunded")

    await page.goto(`${storefrontUrl()}/portal/credit`)
    expect(await text(page, "credit-balance")).toBe("$50.00")
    const rows = await history(page)
    expect(rows.map(({ description, note, amount }) => ({ description, note, amount }))).toEqual([
      { description: `Refund for order #${displayId}`, note: "Partial refund", amount: "+$50.00" },
      { description: expect.stringMatching(new RegExp(`^Used for order #${displayId} \\(INV-\\d+\\)$`)), note: "", amount: "−$60.00" },
      { description: "Deducted by the store", note: "Correction", amount: "−$40.00" },
      { description: "Added by the store", note: "Goodwill", amount: "+$100.00" },
    ])
    await shot("account-credit")
    await context.close()
  })
})
