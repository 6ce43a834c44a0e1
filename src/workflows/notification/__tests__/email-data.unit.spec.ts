import { renderEmail } from "../../../modules/email-template/templates/render"
import {
  customerFullName,
  customerName,
  merchantNewOrderData,
  paymentConfirmationData,
  paymentInstructionsData,
  statusChangedData,
} from "../email-data"
import { dueReminder } from "../service-order-emails"

const invoice = {
  id: "inv_1",
  number: "INV-000007",
  order_id: "order_1",
  email: "ada@example.com",
  currency_code: "usd",
  subtotal: 450,
  discount_total: 0,
  tax_total: 0,
  credit_total: 50,
  total: 400,
  lines: [
    { title: "Logo design", variant_title: "Premium", quantity: 2, total: 400, position: 0 },
    { title: "Brand audit", variant_title: null, quantity: 1, total: 50, position: 1 },
  ],
}
const order = { id: "order_1", display_id: 12, email: "ada@example.com", customer: { first_name: "Ada" } }
const serviceOrders = [
  { id: "sord_1", title: "Logo design", variant_title: "Premium", unit_index: 1, units: 2, status: "pending", intake_form_id: "if_1" },
  { id: "sord_2", title: "Logo design", variant_title: "Premium", unit_index: 2, units: 2, status: "pending", intake_form_id: "if_1" },
  { id: "sord_3", title: "Brand audit", variant_title: null, unit_index: 1, units: 1, status: "submitted", intake_form_id: null },
]

describe("email data", () => {
  it("builds the payment confirmation: totals, credit used, intake links and the portal link", async () => {
    const { to, ...data } = paymentConfirmationData({
      invoice,
      order,
      service_orders: serviceOrders,
      storefront_url: "https://shop.test",
    })
    expect(to).toBe("ada@example.com")
    expect(data.variables).toEqual(
      expect.objectContaining({
        customer_name: "Ada",
        order_number: "12",
        invoice_number: "INV-000007",
        subtotal: "$450.00",
        credit_used: "$50.00",
        total: "$400.00",
        items: "2 × Logo design (Premium): $400.00\nBrand audit: $50.00",
        intake_links:
          "Logo design (Premium) — 1 of 2: https://shop.test/portal/service-orders/sord_1\n" +
          "Logo design (Premium) — 2 of 2: https://shop.test/portal/service-orders/sord_2",
        portal_url: "https://shop.test/portal?email=ada%40example.com",
      })
    )
    const email = await renderEmail("payment_confirmation", data)
    expect(email.html).toContain('href="https://shop.test/portal?email=ada%40example.com"')
    expect(email.html).toContain('href="https://shop.test/portal/service-orders/sord_2"')
    expect(email.html).not.toContain("service-orders/sord_3")
  })

  it("builds the merchant notice with the admin link", () => {
    const data = merchantNewOrderData({ invoice, order, service_orders: serviceOrders, backend_url: "https://api.test" })
    expect(data.variables.admin_order_url).toBe("https://api.test/app/orders/order_1")
    expect(data.variables.service_order_count).toBe("3")
  })

  it("labels statuses for people", () => {
    const data = statusChangedData({
      service_order: { ...serviceOrders[2], email: "ada@example.com" },
      from: "submitted",
      to: "working",
      note: null,
      storefront_url: "https://shop.test",
    })
    expect(data.variables).toEqual(
      expect.objectContaining({ previous_status: "Submitted", status: "In progress", note: "", customer_name: "there" })
    )
  })

  it("greets by the billing address's first name, then the customer's, never by the email", async () => {
    expect(customerName({ first_name: null, email: "g@example.com" }, { first_name: " Grace ", last_name: "Hopper" })).toBe("Grace")
    expect(customerName({ first_name: "Ada" }, { first_name: "" })).toBe("Ada")
    expect(customerName(null, null)).toBe("there")
    expect(customerName({ first_name: "  ", email: "g@example.com" }, undefined)).toBe("there")
    expect(customerFullName(null, { first_name: "Grace", last_name: "Hopper" }, "g@example.com")).toBe("Grace Hopper")
    expect(customerFullName(null, null, "g@example.com")).toBe("g@example.com")

    // A guest: no name on the customer, the first name only on the billing address.
    const guestOrder = { id: "order_3", email: "g@example.com", billing_address: { first_name: "Grace", last_name: "Hopper" }, customer: { first_name: null, email: "g@example.com" } }
    const { to, ...data } = paymentConfirmationData({ invoice, order: guestOrder, service_orders: [], storefront_url: "https://shop.test" })
    expect(to).toBe("g@example.com")
    expect(data.variables.customer_name).toBe("Grace")
    const email = await renderEmail("payment_confirmation", data)
    expect(email.text).toContain("Hi Grace,")
    expect(email.text).not.toContain("g@example.com,")
    expect(merchantNewOrderData({ invoice, order: guestOrder, service_orders: [], backend_url: "https://api.test" }).variables.customer_name).toBe("Grace Hopper")
    const nameless = paymentConfirmationData({ invoice, order: { id: "order_4", email: "n@example.com", customer: null }, service_orders: [], storefront_url: "https://shop.test" })
    expect(nameless.variables.customer_name).toBe("there")
    const status = statusChangedData({
      service_order: { ...serviceOrders[2], email: "g@example.com" },
      billing_address: { first_name: "Grace" },
      from: "submitted",
      to: "working",
      storefront_url: "https://shop.test",
    })
    expect(status.variables.customer_name).toBe("Grace")
  })

  it("dues one reminder per period, at most 3", () => {
    const since = new Date("2026-01-01T00:00:00Z")
    const at = (hours: number) => new Date(since.getTime() + hours * 3_600_000)
    expect([1, 23.9, 24, 47, 48, 72, 500].map((h) => dueReminder(since, at(h), 24))).toEqual([0, 0, 1, 1, 2, 3, 3])
  })

  it("fills the bank-transfer instructions: reference, amount due, bank details, order link", async () => {
    const data = paymentInstructionsData({
      instructions: {
        method: "bank_transfer",
        account_holder: "Acme Studio",
        iban: "DE89 3704 0044 0532 0130 00",
        bic: null,
        bank_name: "Demo Bank",
        text: "Write INV-000007 on the transfer.",
        reference: "INV-000007",
        amount: 70,
        currency_code: "usd",
        status: "awaiting_payment",
      },
      order: { id: "order_1", display_id: 12, email: "ada@example.com", customer: { first_name: "Ada", has_account: true } },
      storefront_url: "https://shop.test",
    })
    expect(data.to).toBe("ada@example.com")
    expect(data.variables).toEqual(
      expect.objectContaining({
        customer_name: "Ada",
        order_number: "12",
        invoice_number: "INV-000007",
        amount_due: "$70.00",
        instructions: "Write INV-000007 on the transfer.",
        bic: "",
        order_url: "https://shop.test/portal/invoices/INV-000007",
        portal_url: "https://shop.test/portal?email=ada%40example.com",
      })
    )
    const email = await renderEmail("payment_instructions", data)
    expect(email.subject).toBe("How to pay invoice INV-000007 ($70.00) for order #12")
    expect(email.html).toContain("DE89 3704 0044 0532 0130 00")
    expect(email.html).not.toContain("BIC")
    const guest = paymentInstructionsData({
      instructions: { method: "bank_transfer", account_holder: null, iban: null, bic: null, bank_name: null, text: "", reference: "INV-1", amount: 5, currency_code: "eur", status: "awaiting_payment" },
      order: { id: "order_2", email: "g@example.com", customer: null },
      storefront_url: "https://shop.test",
    })
    // The same portal page for a guest: the invoice, reached through login.
    expect(guest.variables.order_url).toBe("https://shop.test/portal/invoices/INV-1")
  })
})
