import { pdfText } from "../../../../integration-tests/helpers/pdf"
import { renderInvoicePdf, type InvoicePdfData } from "../pdf"

const base: InvoicePdfData = {
  number: "INV-000042",
  status: "paid",
  currency_code: "eur",
  opened_at: "2026-03-01T10:00:00Z",
  paid_at: new Date("2026-03-04T09:00:00Z"),
  order_display_id: 12,
  subtotal: 1000,
  discount_total: 100,
  tax_total: 171,
  credit_total: 50,
  total: 1021,
  lines: [{ title: "Brand workshop", variant_title: "Half day", quantity: 2, unit_price: 500, total: 1000 }],
  seller: { name: "Acme Studio", address_lines: ["1 Main Street", "10115 Berlin"], email: "billing@acme.test", tax_id: "DE123456789" },
  billing: { name: "Zoë Müller", address_lines: ["Straße & Co", "Hauptstraße 1", "50667 Köln", "Germany"], email: "zoe@example.com" },
}

describe("renderInvoicePdf", () => {
  it("prints the merchant, the client, the dates, the lines and the totals in the invoice's currency", async () => {
    const pdf = await renderInvoicePdf(base)
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
    const text = await pdfText(pdf)
    for (const expected of [
      "Acme Studio",
      "10115 Berlin",
      "billing@acme.test",
      "Tax ID: DE123456789",
      "INV-000042",
      "Issued: Mar 1, 2026",
      "Paid: Mar 4, 2026",
      "Order: #12",
      "Zoë Müller",
      "Straße & Co",
      "50667 Köln",
      "zoe@example.com",
      "Brand workshop",
      "Half day",
      "€500.00",
      "Subtotal €1,000.00",
      "Discount -€100.00",
      "Tax €171.00",
      "Account credit -€50.00",
      "Total €1,021.00",
      "Amount paid €1,021.00",
      "PAID",
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain("UNPAID")
    expect(text).not.toContain("Payment reference")
  })

  it("marks an open invoice UNPAID with its payment reference, and a void one VOID with nothing due", async () => {
    const open = await pdfText(await renderInvoicePdf({ ...base, status: "open", paid_at: null }))
    expect(open).toContain("UNPAID")
    expect(open).toContain("Amount due €1,021.00")
    expect(open).toContain("Payment reference: INV-000042")
    expect(open).not.toContain("Paid:")

    const voided = await pdfText(await renderInvoicePdf({ ...base, status: "void", paid_at: null, voided_at: "2026-03-05T00:00:00Z" }))
    expect(voided).toContain("VOID")
    expect(voided).toContain("Voided: Mar 5, 2026")
    expect(voided).toContain("Amount due (void) €0.00")
    expect(voided).not.toContain("UNPAID")
  })

  it("continues a long invoice on more pages, the column headings repeated and each page numbered", async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ title: `Service ${i + 1}`, quantity: 1, unit_price: 10, total: 10 }))
    const text = await pdfText(await renderInvoicePdf({ ...base, currency_code: "jpy", lines, subtotal: 600, total: 600 }))
    const pages = text.match(/Page \d+ of (\d+)/g) ?? []
    expect(pages.length).toBeGreaterThan(1)
    expect(pages[pages.length - 1]).toBe(`Page ${pages.length} of ${pages.length}`)
    expect(text.match(/Description Qty Unit price Amount/g)).toHaveLength(pages.length)
    expect(text).toContain("Service 60")
    expect(text).toContain("Total ¥600")
  })

  it("renders text outside the built-in font's characters without failing", async () => {
    const pdf = await renderInvoicePdf({ ...base, billing: { ...base.billing, name: "Иван Петров 李雷" } })
    expect(await pdfText(pdf)).toContain("zoe@example.com")
  })
})
