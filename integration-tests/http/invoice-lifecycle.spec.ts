import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { DemoInfo } from "../../scripts/seed-demo"
import { PORTICO_INVOICE_MODULE } from "../../src/modules/invoice"
import type InvoiceModuleService from "../../src/modules/invoice/service"
import { adminHeaders, seedDemo, storeHeaders } from "../helpers/demo"
import { checkout, createCart, eventually, variantOf } from "../helpers/store"

jest.setTimeout(180_000)

// This app treats the system provider as a deferred ("pay later") method, as
// a bank transfer would be: an order leaves its invoice open until captured.
process.env.PORTICO_DEFERRED_PAYMENT_PROVIDERS = "pp_system_default"
process.env.PORTICO_INVOICE_NUMBER_PREFIX = "DEF-"
afterAll(() => {
  delete process.env.PORTICO_DEFERRED_PAYMENT_PROVIDERS
  delete process.env.PORTICO_INVOICE_NUMBER_PREFIX
})

/** Invoices of deferred payments: open at checkout, paid on capture, void on cancel. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let demo: DemoInfo
    const events: { name: string; id: string }[] = []

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["portico.invoice.opened", "portico.invoice.paid", "portico.invoice.voided"]) {
        bus.subscribe(name, async (event) => {
          events.push({ name, id: (event.data as { id: string }).id })
        }, { subscriberId: `lifecycle-${name}` })
      }
    })

    const invoiceOf = async (cartId: string) =>
      (await getContainer().resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE).listInvoices({ cart_id: cartId }))[0]

    async function placeOrder() {
      const audit = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
      const cart = await createCart(api, demo, demo.region_ids.usd)
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: audit.id, quantity: 1 }, storeHeaders(demo))
      const { data } = await checkout(api, demo, cart.id)
      expect(data.type).toBe("order")
      const invoice = await eventually(async () => {
        const inv = await invoiceOf(cart.id)
        expect(inv.status).toBe("open")
        return inv
      })
      return { order: data.order, invoice, token: data.order_access_token as string }
    }

    it("stays open at checkout and becomes paid when the merchant captures the payment, once", async () => {
      const { order, invoice } = await placeOrder()
      expect(invoice.number).toMatch(/^DEF-\d{6}$/)
      expect(invoice.paid_at).toBeNull()

      const admin = await adminHeaders(api, demo)
      const { data } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)
      const payment = data.order.payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)

      const paid = await eventually(async () => {
        const inv = await invoiceOf(invoice.cart_id!)
        expect(inv.status).toBe("paid")
        return inv
      })
      expect(paid.number).toBe(invoice.number)
      expect(paid.paid_at).toBeTruthy()
      await eventually(async () =>
        expect(events.filter((e) => e.id === invoice.id).map((e) => e.name)).toEqual([
          "portico.invoice.opened",
          "portico.invoice.paid",
        ])
      )
    })

    it("becomes void when its order is canceled unpaid, and is not paid afterwards", async () => {
      const { order, invoice, token } = await placeOrder()
      const admin = await adminHeaders(api, demo)
      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      const voided = await eventually(async () => {
        const inv = await invoiceOf(invoice.cart_id!)
        expect(inv.status).toBe("void")
        return inv
      })
      expect(voided.voided_at).toBeTruthy()
      // Reading it again changes nothing.
      const { data } = await api.get(`/store/orders/${order.id}/invoice`, storeHeaders(demo, { "x-portico-order-token": token }))
      expect(data.invoice.status).toBe("void")
      expect(events.filter((e) => e.id === invoice.id).map((e) => e.name)).toEqual([
        "portico.invoice.opened",
        "portico.invoice.voided",
      ])
    })
  },
})
