import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTICO_INVOICE_MODULE } from "../../src/modules/invoice"
import type InvoiceModuleService from "../../src/modules/invoice/service"
import { storeHeaders } from "../helpers/demo"
import { cartWithSession, type PaymentSuite, setUpPaymentSuite } from "../helpers/payments"
import { pdfText } from "../helpers/pdf"
import { eventually, registerClient, response } from "../helpers/store"

jest.setTimeout(240_000)

type Headers = ReturnType<typeof storeHeaders>
type Invoice = { id: string; number: string; status: string; total: number }
const BANK = "pp_bank_transfer_default"
const billingAddress = {
  first_name: "Ada",
  last_name: "Lovelace",
  company: "Analytical Engines Ltd",
  address_1: "12 Maple Street",
  city: "Toronto",
  province: "ON",
  postal_code: "M5V 2T6",
  country_code: "ca",
}

/**
 * The portal's invoices (issue 17): a logged-in client lists their issued
 * invoices, opens one (with how to pay it while a bank transfer is due) and
 * downloads its PDF; the merchant downloads the same PDF from the admin.
 * Another client's invoice, an abandoned cart's and an unknown number are a
 * 404; no login is a 401.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let suite: PaymentSuite
    let ada: { headers: Headers; customer_id: string }
    let bob: { headers: Headers; customer_id: string }
    let adaPaid: Invoice
    let adaOpen: Invoice
    let bobPaid: Invoice
    let abandoned: { id: string; number: string }

    /** A client's order of "Portal brand kit" (250 USD, no tax) paid with `provider`; returns its invoice. */
    async function order(h: Headers, email: string, provider: string): Promise<Invoice> {
      const { cart_id } = await cartWithSession(api, h, suite, {
        email,
        variant_id: suite.variants["Portal brand kit"],
        provider_id: provider,
        cart: { billing_address: billingAddress },
      })
      const done = await api.post(`/store/carts/${cart_id}/complete`, {}, h)
      expect(done.data.type).toBe("order")
      return (await api.get(`/store/orders/${done.data.order.id}/invoice`, h)).data.invoice
    }

    const pdfOf = (url: string, h: { headers: Record<string, string> }) => response(api.get(url, { ...h, responseType: "arraybuffer" }))

    beforeAll(async () => {
      suite = await setUpPaymentSuite(api, getContainer(), {
        region: "Portal invoices (no tax)",
        providers: [BANK, "pp_system_default"],
        services: { "Portal brand kit": 250 },
      })
      ada = await registerClient(api, suite.demo, "ada.portal@example.com")
      bob = await registerClient(api, suite.demo, "bob.portal@example.com")
      adaPaid = await order(ada.headers, "ada.portal@example.com", "pp_system_default")
      adaOpen = await order(ada.headers, "ada.portal@example.com", BANK)
      bobPaid = await order(bob.headers, "bob.portal@example.com", "pp_system_default")

      // Ada's cart that never became an order: an abandoned invoice. It is
      // given a number, as a checkout rolled back after opening leaves it.
      const { data } = await api.post("/store/carts", { region_id: suite.region_id, email: "ada.portal@example.com" }, ada.headers)
      await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: suite.variants["Portal brand kit"], quantity: 1 }, ada.headers)
      const invoices = getContainer().resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
      const cartInvoice = await eventually(async () => {
        const [found] = await invoices.listInvoices({ cart_id: data.cart.id })
        expect(found).toMatchObject({ status: "abandoned", customer_id: ada.customer_id })
        return found
      })
      await invoices.updateInvoices({ id: cartInvoice.id, number: "INV-ROLLED-BACK" })
      abandoned = { id: cartInvoice.id, number: "INV-ROLLED-BACK" }
    })

    it("lists only the caller's issued invoices, newest first, filtered and paged", async () => {
      expect(adaPaid).toMatchObject({ status: "paid", number: expect.stringMatching(/^INV-/) })
      expect(adaOpen).toMatchObject({ status: "open", number: expect.stringMatching(/^INV-/) })

      const { data } = await api.get("/store/portico/invoices", ada.headers)
      expect(data).toMatchObject({ count: 2, limit: 20, offset: 0 })
      expect(data.invoices.map((i: Invoice) => i.number)).toEqual([adaOpen.number, adaPaid.number])
      for (const invoice of data.invoices) {
        expect(invoice).toMatchObject({ customer_id: ada.customer_id, currency_code: "usd", total: 250 })
        expect(invoice.order).toMatchObject({ id: invoice.order_id, display_id: expect.any(Number) })
        expect(invoice.lines).toBeUndefined()
      }

      const paid = (await api.get("/store/portico/invoices?status=paid", ada.headers)).data
      expect(paid.invoices.map((i: Invoice) => i.number)).toEqual([adaPaid.number])
      const openOrVoid = (await api.get("/store/portico/invoices?status=open,void", ada.headers)).data
      expect(openOrVoid.invoices.map((i: Invoice) => i.number)).toEqual([adaOpen.number])
      const page = (await api.get("/store/portico/invoices?limit=1&offset=1", ada.headers)).data
      expect(page).toMatchObject({ count: 2, limit: 1, offset: 1 })
      expect(page.invoices.map((i: Invoice) => i.number)).toEqual([adaPaid.number])

      const bobs = (await api.get("/store/portico/invoices", bob.headers)).data
      expect(bobs.invoices.map((i: Invoice) => i.number)).toEqual([bobPaid.number])
    })

    it("shows one invoice with its lines, and how to pay it while a bank transfer is due", async () => {
      const { data } = await api.get(`/store/portico/invoices/${adaOpen.number}`, ada.headers)
      expect(data.invoice).toMatchObject({
        id: adaOpen.id,
        number: adaOpen.number,
        status: "open",
        order_id: expect.stringMatching(/^order_/),
        total: 250,
        lines: [expect.objectContaining({ title: "Portal brand kit", quantity: 1, unit_price: 250, total: 250 })],
        payment_instructions: {
          method: "bank_transfer",
          reference: adaOpen.number,
          amount: 250,
          currency_code: "usd",
          status: "awaiting_payment",
          iban: expect.any(String),
          account_holder: expect.any(String),
          bic: expect.any(String),
          bank_name: expect.any(String),
          text: expect.stringContaining(adaOpen.number),
        },
      })
      // The same instructions as the order's own route.
      const { data: fromOrder } = await api.get(`/store/orders/${data.invoice.order_id}/payment-instructions`, ada.headers)
      expect(data.invoice.payment_instructions).toEqual(fromOrder.payment_instructions)

      const paid = (await api.get(`/store/portico/invoices/${adaPaid.number}`, ada.headers)).data.invoice
      expect(paid).toMatchObject({ status: "paid", payment_instructions: null, paid_at: expect.any(String) })
    })

    it("answers 404 for another client's invoice, an abandoned cart's and an unknown number; 401 without a login", async () => {
      for (const number of [bobPaid.number, abandoned.number, "INV-999999"]) {
        for (const path of [`/store/portico/invoices/${number}`, `/store/portico/invoices/${number}/pdf`]) {
          const refused = await response(api.get(path, ada.headers))
          expect({ path, status: refused.status, code: refused.data?.code }).toEqual({ path, status: 404, code: "not_found" })
        }
      }
      // The abandoned invoice is not listed either, though it is Ada's and numbered.
      const listed = (await api.get("/store/portico/invoices?limit=100", ada.headers)).data.invoices
      expect(listed.map((i: Invoice) => i.id)).not.toContain(abandoned.id)

      const anonymous = storeHeaders(suite.demo)
      for (const path of ["/store/portico/invoices", `/store/portico/invoices/${adaPaid.number}`, `/store/portico/invoices/${adaPaid.number}/pdf`]) {
        expect({ path, status: (await response(api.get(path, anonymous))).status }).toEqual({ path, status: 401 })
      }
    })

    it("refuses a bad query with Portico's validation errors", async () => {
      for (const [query, field] of [
        ["limit=-1", "limit"],
        ["limit=1000", "limit"],
        ["offset=abc", "offset"],
        // Each refused value is named by its place in the list.
        ["status=abandoned", "status.0"],
        ["status=paid,abandoned", "status.1"],
        ["customer_id=cus_other", "customer_id"],
      ]) {
        const refused = await response(api.get(`/store/portico/invoices?${query}`, ada.headers))
        expect({ query, status: refused.status, code: refused.data.code }).toEqual({ query, status: 400, code: "invalid_request" })
        expect(refused.data.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code: expect.any(String) })]))
      }
    })

    it("renders the PDF (number, total, merchant, client, PAID or UNPAID), the same one for the admin", async () => {
      const pdf = await pdfOf(`/store/portico/invoices/${adaPaid.number}/pdf`, ada.headers)
      expect(pdf.status).toBe(200)
      expect((pdf as unknown as { headers: Record<string, string> }).headers).toMatchObject({
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${adaPaid.number}.pdf"`,
      })
      const bytes = Buffer.from(pdf.data)
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-")
      const text = await pdfText(bytes)
      for (const expected of [
        adaPaid.number,
        "$250.00",
        // The demo app names no seller: the store's name, and the demo address.
        "Portico Demo Studio",
        "1 Demo Street",
        "ada.portal@example.com",
        "Ada Lovelace",
        "Analytical Engines Ltd",
        "12 Maple Street",
        "Toronto, ON M5V 2T6",
        "Canada",
        "Portal brand kit",
        "PAID",
        "Amount paid",
      ]) {
        expect(text).toContain(expected)
      }
      expect(text).not.toContain("UNPAID")

      const unpaid = await pdfText(Buffer.from((await pdfOf(`/store/portico/invoices/${adaOpen.number}/pdf`, ada.headers)).data))
      expect(unpaid).toContain("UNPAID")
      expect(unpaid).toContain("Amount due")
      expect(unpaid).toContain(`Payment reference: ${adaOpen.number}`)

      // The admin downloads the same document; without a login, nothing.
      const fromAdmin = await pdfOf(`/admin/portico/invoices/${adaPaid.id}/pdf`, suite.admin)
      expect(fromAdmin.status).toBe(200)
      expect((fromAdmin as unknown as { headers: Record<string, string> }).headers["content-disposition"]).toBe(
        `attachment; filename="${adaPaid.number}.pdf"`
      )
      expect(await pdfText(Buffer.from(fromAdmin.data))).toBe(text)
      expect((await pdfOf(`/admin/portico/invoices/${adaPaid.id}/pdf`, { headers: {} })).status).toBe(401)
      expect((await pdfOf(`/admin/portico/invoices/${abandoned.id}/pdf`, suite.admin)).status).toBe(404)
      expect((await pdfOf("/admin/portico/invoices/inv_missing/pdf", suite.admin)).status).toBe(404)
    })

    it("shows a voided invoice as VOID, with nothing left to pay", async () => {
      const { data } = await api.post(`/admin/portico/invoices/${adaOpen.id}/void`, {}, suite.admin)
      expect(data.invoice.status).toBe("void")
      const detail = (await api.get(`/store/portico/invoices/${adaOpen.number}`, ada.headers)).data.invoice
      expect(detail).toMatchObject({ status: "void", payment_instructions: null })
      const voided = (await api.get("/store/portico/invoices?status=void", ada.headers)).data.invoices
      expect(voided.map((i: Invoice) => i.number)).toEqual([adaOpen.number])
      const text = await pdfText(Buffer.from((await pdfOf(`/store/portico/invoices/${adaOpen.number}/pdf`, ada.headers)).data))
      expect(text).toContain("VOID")
      expect(text).not.toContain("UNPAID")
      expect(text).not.toContain("Payment reference")
    })
  },
})
