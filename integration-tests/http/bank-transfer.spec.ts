import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoInfo } from "../../scripts/seed-demo"
import { readMailbox } from "../../src/providers/mailbox/mailbox"
import type { storeHeaders } from "../helpers/demo"
import { cartWithSession, type PaymentSuite, setUpPaymentSuite } from "../helpers/payments"
import { eventually, registerClient, response } from "../helpers/store"

jest.setTimeout(240_000)

type Headers = ReturnType<typeof storeHeaders>
const BANK = "pp_bank_transfer_default"

/**
 * Bank transfer: the order is placed with the invoice open and nothing after
 * payment yet; the confirmation shows the bank details with the invoice
 * number as reference; the merchant marks it paid (once) and the post-payment
 * work runs once, or voids it. The client gets one `payment_instructions`
 * email when the order is placed unpaid; an order paid at once gets none.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let suite: PaymentSuite
    let demo: DemoInfo
    let admin: PaymentSuite["admin"]
    let paidEvents: string[]

    beforeAll(async () => {
      suite = await setUpPaymentSuite(api, getContainer(), {
        region: "Bank transfer (no tax)",
        providers: [BANK, "pp_system_default"],
        services: { "Strategy day": 100 },
      })
      ;({ demo, admin, paid_events: paidEvents } = suite)
    })

    /** The `payment_instructions` emails of an invoice in the dev mailbox. */
    const instructionEmails = async (invoiceId: string) =>
      (await readMailbox()).filter((e) => e.idempotency_key === `portico:payment_instructions:${invoiceId}`)

    /** A client's order paid by bank transfer (or `provider`); returns the order, its invoice and the session's data. */
    async function bankOrder(h: Headers, email: string, provider = BANK) {
      const { cart_id, session } = await cartWithSession(api, h, suite, {
        email,
        variant_id: suite.variants["Strategy day"],
        provider_id: provider,
      })
      const done = await api.post(`/store/carts/${cart_id}/complete`, {}, h)
      expect(done.data.type).toBe("order")
      // The invoice as the confirmation page reads it (opened with the order).
      const { invoice } = (await api.get(`/store/orders/${done.data.order.id}/invoice`, h)).data
      return { order: done.data.order, invoice, session }
    }

    it("places the order with the invoice open, shows how to pay, and fans out once when marked paid", async () => {
      const ada = await registerClient(api, demo, "ada.bank@example.com")
      const { order, invoice, session } = await bankOrder(ada.headers, "ada.bank@example.com")
      expect(session.data).toMatchObject({ method: "bank_transfer", iban: expect.any(String), amount: 100, currency_code: "usd" })
      expect(invoice).toMatchObject({ status: "open", number: expect.stringMatching(/^INV-/) })

      // Nothing after payment yet: no service orders, no confirmation email.
      await new Promise((r) => setTimeout(r, 1000))
      expect((await api.get(`/store/portico/orders/${order.id}/service-orders`, ada.headers)).data.service_orders).toEqual([])
      expect(paidEvents).not.toContain(invoice.id)

      // The confirmation page's instructions, with the invoice number as reference.
      const { data } = await api.get(`/store/orders/${order.id}/payment-instructions`, ada.headers)
      expect(data.payment_instructions).toMatchObject({
        method: "bank_transfer",
        reference: invoice.number,
        amount: 100,
        currency_code: "usd",
        status: "awaiting_payment",
        account_holder: expect.any(String),
      })
      expect(data.payment_instructions.text).toContain(invoice.number)

      // One email with the same instructions: the invoice number as reference and the amount due.
      const [sent] = await eventually(async () => {
        const found = await instructionEmails(invoice.id)
        expect(found).toHaveLength(1)
        return found
      })
      expect(sent).toMatchObject({
        to: "ada.bank@example.com",
        template: "payment_instructions",
        data: {
          variables: expect.objectContaining({
            invoice_number: invoice.number,
            amount_due: "$100.00",
            instructions: data.payment_instructions.text,
            iban: data.payment_instructions.iban,
            account_holder: data.payment_instructions.account_holder,
            order_url: expect.stringContaining(`/portal/invoices/${invoice.number}`),
          }),
        },
      })
      expect(sent.subject).toContain(invoice.number)
      expect(sent.subject).toContain("$100.00")
      expect(sent.html).toContain(invoice.number)
      expect(sent.html).toContain("$100.00")

      const bob = await registerClient(api, demo, "bob.bank@example.com")
      expect((await response(api.get(`/store/orders/${order.id}/payment-instructions`, bob.headers))).status).toBe(404)

      // The merchant marks it paid, twice at once and once more: one capture, one paid event.
      const results = await Promise.all([
        response(api.post(`/admin/portico/invoices/${invoice.id}/mark-paid`, {}, admin)),
        response(api.post(`/admin/portico/invoices/${invoice.id}/mark-paid`, {}, admin)),
      ])
      expect(results.map((r) => r.status).sort()).toEqual([200, 400])
      const refused = results.find((r) => r.status === 400)!
      expect(refused.data.code).toBe("invoice_not_open")
      expect(results.find((r) => r.status === 200)!.data.invoice).toMatchObject({ status: "paid" })
      const again = await response(api.post(`/admin/portico/invoices/${invoice.id}/mark-paid`, {}, admin))
      expect(again.data.code).toBe("invoice_not_open")
      const { data: full } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)
      expect(full.order.payment_collections[0].payments[0].captured_at).toBeTruthy()

      const list = (await api.get(`/store/portico/orders/${order.id}/service-orders`, ada.headers)).data.service_orders
      expect(list).toHaveLength(1)
      expect(list[0].status).toBe("submitted")
      await new Promise((r) => setTimeout(r, 1000))
      expect(paidEvents.filter((id) => id === invoice.id)).toHaveLength(1)
      expect((await readMailbox()).filter((e) => e.idempotency_key === `portico:payment_confirmation:${invoice.id}`)).toHaveLength(1)
      // Marking it paid sends no second set of instructions.
      expect(await instructionEmails(invoice.id)).toHaveLength(1)
      expect((await api.get(`/store/orders/${order.id}/payment-instructions`, ada.headers)).data.payment_instructions.status).toBe("paid")
      // A paid invoice cannot be voided.
      expect((await response(api.post(`/admin/portico/invoices/${invoice.id}/void`, {}, admin))).data.code).toBe("invoice_not_open")
    })

    it("charges only what credit leaves, and voids an unpaid invoice by canceling the order", async () => {
      const mia = await registerClient(api, demo, "mia.bank@example.com")
      await api.post(
        `/admin/portico/customers/${mia.customer_id}/credit/adjustments`,
        { type: "grant", currency_code: "usd", amount: 30, note: "Goodwill" },
        admin
      )
      const { order, invoice, session } = await bankOrder(mia.headers, "mia.bank@example.com")
      expect(session.data).toMatchObject({ amount: 70 })
      const { data } = await api.get(`/store/orders/${order.id}/payment-instructions`, mia.headers)
      expect(data.payment_instructions).toMatchObject({ amount: 70, reference: invoice.number })
      // The email asks for what credit leaves.
      const [sent] = await eventually(async () => {
        const found = await instructionEmails(invoice.id)
        expect(found).toHaveLength(1)
        return found
      })
      expect(sent.data.variables).toMatchObject({ invoice_number: invoice.number, amount_due: "$70.00" })

      const voided = await api.post(`/admin/portico/invoices/${invoice.id}/void`, {}, admin)
      expect(voided.data.invoice).toMatchObject({ status: "void" })
      expect((await api.get(`/store/orders/${order.id}/payment-instructions`, mia.headers)).data.payment_instructions.status).toBe("canceled")
      const { data: canceled } = await api.get(`/admin/orders/${order.id}?fields=status`, admin)
      expect(canceled.order.status).toBe("canceled")
      expect((await response(api.post(`/admin/portico/invoices/${invoice.id}/mark-paid`, {}, admin))).data.code).toBe("invoice_not_open")
      expect((await api.get(`/store/portico/orders/${order.id}/service-orders`, mia.headers)).data.service_orders).toEqual([])
      expect((await response(api.post(`/admin/portico/invoices/inv_missing/void`, {}, admin))).status).toBe(404)
    })

    it("sends no payment instructions for an order paid at once", async () => {
      const eve = await registerClient(api, demo, "eve.bank@example.com")
      const { order, invoice } = await bankOrder(eve.headers, "eve.bank@example.com", "pp_system_default")
      // Paid at placement: the confirmation goes out, the instructions do not.
      await eventually(async () => {
        const confirmations = (await readMailbox()).filter((e) => e.idempotency_key === `portico:payment_confirmation:${invoice.id}`)
        expect(confirmations).toHaveLength(1)
      })
      await new Promise((r) => setTimeout(r, 1000))
      expect(paidEvents).toContain(invoice.id)
      expect(await instructionEmails(invoice.id)).toEqual([])
      expect((await readMailbox()).filter((e) => e.template === "payment_instructions" && e.to === "eve.bank@example.com")).toEqual([])
      expect((await api.get(`/store/orders/${order.id}/payment-instructions`, eve.headers)).data.payment_instructions).toBeNull()
    })
  },
})
