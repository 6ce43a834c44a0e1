import { readFileSync } from "node:fs"
import path from "node:path"
import {
  EMAIL_TEMPLATE_DEFINITIONS,
  EMAIL_TEMPLATES,
  sampleVariables,
} from "../templates/catalog"
import { fillPlaceholders, unknownVariables } from "../templates/placeholders"
import { type EmailData, renderEmail } from "../templates/render"

const portal = "https://shop.test/account"

const confirmation: EmailData = {
  variables: {
    ...sampleVariables("payment_confirmation"),
    customer_name: "Ada",
    order_number: "1042",
    invoice_number: "INV-000042",
    subtotal: "$450.00",
    discount_total: "$0.00",
    tax_total: "$0.00",
    credit_used: "$50.00",
    total: "$400.00",
    portal_url: portal,
    items: "2 × Logo design: $400.00\nBrand audit: $50.00",
    intake_links: "Logo design: https://shop.test/service-orders/sord_1",
  },
  items: [
    { title: "Logo design", quantity: 2, total: "$400.00" },
    { title: "Brand audit", quantity: 1, total: "$50.00" },
  ],
  service_orders: [
    { id: "sord_1", title: "Logo design", status: "pending", intake_url: "https://shop.test/service-orders/sord_1" },
    { id: "sord_2", title: "Brand audit", status: "submitted", intake_url: null },
  ],
}

describe("email templates", () => {
  it("renders the default payment confirmation with its variables filled", async () => {
    const email = await renderEmail("payment_confirmation", confirmation)
    expect(email.subject).toBe("Payment received for order #1042 (INV-000042)")
    expect(email.html).toContain(`href="${portal}"`)
    expect(email.html).toContain('href="https://shop.test/service-orders/sord_1"')
    expect(email.html).not.toContain("service-orders/sord_2")
    expect(email.html).toContain("INV-000042")
    expect(email.html).toContain("Logo design")
    expect(email.html).toContain("Account credit used")
    expect(email.html).toContain("$400.00")
    expect(email.html).not.toContain("{{")
    expect(email.text).toContain(portal)
  })

  it("renders every template's default with sample data and no placeholder left", async () => {
    for (const template of EMAIL_TEMPLATES) {
      const email = await renderEmail(template, { variables: sampleVariables(template) })
      expect(email.subject).not.toMatch(/\{\{|\}\}/)
      expect(email.html).toMatch(/^<!DOCTYPE html/)
      expect(email.html).not.toContain("{{")
    }
  })

  it("uses the merchant's subject and body over the defaults, inside the same layout", async () => {
    const email = await renderEmail("payment_confirmation", confirmation, {
      subject: "Thanks {{ customer_name }}! Invoice {{invoice_number}}",
      body: "Hello {{customer_name}},\n\nYour portal: {{portal_url}}\nSee you <soon>.",
    })
    expect(email.subject).toBe("Thanks Ada! Invoice INV-000042")
    expect(email.html).toContain("Hello Ada,")
    // URLs in an override become links; values and text are escaped.
    expect(email.html).toContain(`<a href="${portal}"`)
    expect(email.html).toContain("See you &lt;soon&gt;.")
    expect(email.html).not.toContain("Thank you for your payment")
    expect(email.html).toMatch(/^<!DOCTYPE html/)
  })

  it("keeps the default body when an override only changes the subject", async () => {
    const email = await renderEmail("payment_confirmation", confirmation, { subject: "Paid: {{total}}", body: null })
    expect(email.subject).toBe("Paid: $400.00")
    expect(email.html).toContain("Thank you for your payment")
  })

  it("refuses unknown variables, per field", () => {
    expect(
      unknownVariables("payment_confirmation", {
        subject: "Hi {{customer_name}} {{ordr_number}}",
        body: "{{portal_url}} {{ service_title }} {{service_title}} {{}}",
      })
    ).toEqual([
      { field: "subject", name: "ordr_number" },
      { field: "body", name: "service_title" },
      { field: "body", name: "" },
    ])
    expect(unknownVariables("intake_reminder", { body: "{{service_title}} {{service_order_url}}" })).toEqual([])
  })

  it("fills placeholders and leaves unknown ones empty", () => {
    expect(fillPlaceholders("{{a}}-{{ b }}-{{c}}", { a: "1", b: "2" })).toBe("1-2-")
  })

  it("every default subject and body uses only its template's variables", () => {
    for (const template of EMAIL_TEMPLATES) {
      const { subject, body } = EMAIL_TEMPLATE_DEFINITIONS[template]
      expect(unknownVariables(template, { subject, body })).toEqual([])
    }
  })

  it("the README's variable table lists every variable of every template", () => {
    const readme = readFileSync(path.join(__dirname, "../../../../README.md"), "utf8")
    const section = readme.slice(readme.indexOf("## Notifications"))
    for (const template of EMAIL_TEMPLATES) {
      for (const variable of EMAIL_TEMPLATE_DEFINITIONS[template].variables) {
        const row = section.split("\n").find((line) => line.startsWith(`| \`${variable.name}\` |`))
        expect({ variable: variable.name, row: row ?? null }).toEqual({ variable: variable.name, row: expect.any(String) })
        expect({ variable: variable.name, template, listed: row!.includes(template) }).toEqual({
          variable: variable.name,
          template,
          listed: true,
        })
      }
    }
  })
})
