import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTICO_INVOICE_MODULE } from ".."
import type InvoiceModuleService from "../service"
import type { InvoiceSnapshot } from "../service"

jest.setTimeout(60_000)

const snapshot = (cart_id: string, over: Partial<InvoiceSnapshot> = {}): InvoiceSnapshot => ({
  cart_id,
  currency_code: "usd",
  subtotal: 100,
  discount_total: 0,
  tax_total: 8,
  credit_total: 0,
  total: 108,
  promotion_codes: [],
  synced_at: new Date("2026-01-01T10:00:00Z"),
  lines: [
    {
      line_item_id: "cali_1",
      title: "Audit",
      quantity: 1,
      unit_price: 100,
      subtotal: 100,
      discount_total: 0,
      tax_total: 8,
      total: 108,
    },
  ],
  ...over,
})

moduleIntegrationTestRunner<InvoiceModuleService>({
  moduleName: PORTICO_INVOICE_MODULE,
  resolve: "./src/modules/invoice",
  moduleOptions: { number_prefix: "T-", number_padding: 4, deferred_payment_providers: ["pp_bank"] },
  testSuite: ({ service }) => {
    it("gives a cart that never had an item no invoice", async () => {
      expect(await service.mirrorCart(snapshot("cart_empty", { lines: [] }))).toEqual({ id: null, created: false, changed: false })
      expect(await service.listInvoices({ cart_id: "cart_empty" })).toHaveLength(0)
    })

    it("mirrors a cart once per snapshot, ignoring older snapshots", async () => {
      const first = await service.mirrorCart(snapshot("cart_a"))
      expect(first).toMatchObject({ created: true, changed: true })
      const again = await service.mirrorCart(snapshot("cart_a", { total: 216, synced_at: new Date("2026-01-01T11:00:00Z") }))
      expect(again).toMatchObject({ id: first.id, created: false, changed: true })
      const stale = await service.mirrorCart(snapshot("cart_a", { total: 1, synced_at: new Date("2026-01-01T09:00:00Z") }))
      expect(stale.changed).toBe(false)
      const invoice = await service.retrieveInvoice(first.id!, { relations: ["lines"] })
      expect(Number(invoice.total)).toBe(216)
      expect(invoice.lines).toHaveLength(1)
      expect(invoice.status).toBe("abandoned")
    })

    it("opens with the next number, once; paid and void only from open; formats the number from options", async () => {
      const a = await service.openInvoice(snapshot("cart_b"), "order_b")
      const b = await service.openInvoice(snapshot("cart_c"), "order_c")
      expect(a).toMatchObject({ status: "open", transitioned: true })
      expect([a.number, b.number]).toEqual(["T-0001", "T-0002"])
      expect(await service.openInvoice(snapshot("cart_b"), "order_b")).toMatchObject({ number: "T-0001", transitioned: false })

      expect(await service.markPaid(a.id)).toMatchObject({ status: "paid", transitioned: true })
      expect(await service.markPaid(a.id)).toMatchObject({ status: "paid", transitioned: false })
      expect(await service.voidInvoice(a.id)).toMatchObject({ status: "paid", transitioned: false })
      expect(await service.voidInvoice(b.id)).toMatchObject({ status: "void", transitioned: true })
      expect(await service.markPaid(b.id)).toMatchObject({ status: "void", transitioned: false })

      const paid = await service.retrieveInvoice(a.id)
      expect(paid.paid_at).toBeTruthy()
      expect(paid.order_id).toBe("order_b")
      // An open invoice is no longer changed by its cart.
      expect((await service.mirrorCart(snapshot("cart_b", { synced_at: new Date() }))).changed).toBe(false)
    })

    it("keeps an invoice's number through a compensated open, so the sequence has no gap", async () => {
      const first = await service.openInvoice(snapshot("cart_d"), "order_d")
      await service.restoreStatus(first.id, "abandoned")
      const reopened = await service.openInvoice(snapshot("cart_d"), "order_d")
      expect(reopened).toMatchObject({ number: first.number, transitioned: true })
      const next = await service.openInvoice(snapshot("cart_e"), "order_e")
      expect(Number(next.number!.slice(2))).toBe(Number(first.number!.slice(2)) + 1)
    })

    it("knows which providers only defer payment", () => {
      expect(service.isDeferredProvider("pp_bank")).toBe(true)
      expect(service.isDeferredProvider("pp_system_default")).toBe(false)
    })
  },
})
