import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  capturePaymentWorkflow,
  createPaymentCollectionForCartWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/medusa/core-flows"
import { completeCheckoutWorkflow } from "../../src/workflows/checkout/workflows/complete-checkout"
import { isLockBusy } from "../../src/workflows/credit/refresh-cart-credit-soon"
import { storeCreditModule } from "../../src/workflows/credit/store-credit"
import { refreshCartCreditWorkflow } from "../../src/workflows/credit/workflows/refresh-cart-credit"
import { refundOrderToCreditWorkflow } from "../../src/workflows/credit/workflows/refund-order-to-credit"
import { refundPaymentWithinPaidWorkflow } from "../../src/workflows/payment/workflows/refund-payment-within-paid"
import { startCheckoutPaymentWorkflow } from "../../src/workflows/payment/workflows/start-checkout-payment"
import { dbFingerprint, eventsDuring } from "../helpers/db"
import type { DemoInfo } from "../../scripts/seed-demo"
import { PORTICO_INVOICE_MODULE } from "../../src/modules/invoice"
import type InvoiceModuleService from "../../src/modules/invoice/service"
import { adminHeaders, seedDemo, storeHeaders } from "../helpers/demo"
import { checkout, eventually, nameFailedRequests, registerClient, response } from "../helpers/store"

jest.setTimeout(240_000)

type Headers = ReturnType<typeof storeHeaders>

/**
 * Account credit (the loyalty plugin's store credit, applied by Portico):
 * automatic application, full and partial coverage, concurrency, the
 * merchant's grants, deductions and refunds, and bad input.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let demo: DemoInfo
    let admin: { headers: Record<string, string> }
    let regionId: string
    /** Variants priced 100 USD and 60 USD in a region without tax. */
    let hundred: string
    let sixty: string
    const events: { name: string; data: Record<string, unknown> }[] = []

    beforeAll(async () => {
      const container = getContainer()
      nameFailedRequests(api)
      demo = await seedDemo(container)
      admin = await adminHeaders(api, demo)
      const {
        result: [region],
      } = await createRegionsWorkflow(container).run({
        input: {
          regions: [{ name: "Credit test (no tax)", currency_code: "usd", countries: ["ca"], payment_providers: ["pp_system_default"] }],
        },
      })
      regionId = region.id
      const { result: products } = await createProductsWorkflow(container).run({
        input: {
          products: [100, 60].map((amount) => ({
            title: `Consulting block ${amount}`,
            handle: `consulting-block-${amount}`,
            status: ProductStatus.PUBLISHED,
            options: [{ title: "Service", values: ["Default"] }],
            variants: [
              {
                title: "Default",
                sku: `BLOCK-${amount}`,
                manage_inventory: false,
                options: { Service: "Default" },
                prices: [{ amount, currency_code: "usd" }],
              },
            ],
            sales_channels: [{ id: demo.sales_channel_id }],
          })),
        },
      })
      hundred = products.find((p) => p.handle === "consulting-block-100")!.variants[0].id
      sixty = products.find((p) => p.handle === "consulting-block-60")!.variants[0].id
      const bus = container.resolve(Modules.EVENT_BUS)
      for (const name of [
        "portico.credit.applied",
        "portico.credit.debited",
        "portico.credit.granted",
        "portico.credit.deducted",
        "portico.credit.refunded",
      ]) {
        bus.subscribe(name, async (event) => {
          events.push({ name, data: event.data as Record<string, unknown> })
        }, { subscriberId: `credit-test-${name}` })
      }
    })

    const adjust = (customerId: string, body: Record<string, unknown>) =>
      response(api.post(`/admin/portico/customers/${customerId}/credit/adjustments`, body, admin))
    const grant = async (customerId: string, amount: number) => {
      const res = await adjust(customerId, { type: "grant", currency_code: "usd", amount, note: "Test grant" })
      expect(res.status).toBe(200)
    }
    const balance = async (customerId: string) => {
      const { data } = await api.get(`/admin/portico/customers/${customerId}/credit`, admin)
      return data.accounts.find((a: { currency_code: string }) => a.currency_code === "usd")?.balance ?? 0
    }
    const ledger = async (customerId: string) =>
      (await api.get(`/admin/portico/customers/${customerId}/credit/transactions?limit=100`, admin)).data
    const cartWith = async (h: Headers, items: { variant_id: string; quantity: number }[], email: string) => {
      const { data } = await api.post("/store/carts", { region_id: regionId, email }, h)
      for (const item of items) {
        await api.post(`/store/carts/${data.cart.id}/line-items`, item, h)
      }
      return data.cart.id as string
    }
    const credit = async (cartId: string, h: Headers) => (await api.get(`/store/carts/${cartId}/credit`, h)).data.credit
    const readCart = async (cartId: string, h: Headers) =>
      (await api.get(`/store/carts/${cartId}?fields=+credit_line_total,*credit_lines,+total`, h)).data.cart
    const invoiceOf = async (cartId: string) =>
      (await getContainer().resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE).listInvoices({ cart_id: cartId }))[0]

    it("applies min(balance, total) automatically, re-clamps on every change, and can be switched off and on", async () => {
      const mia = await registerClient(api, demo, "mia.credit@example.com")
      await grant(mia.customer_id, 30)
      const cartId = await cartWith(mia.headers, [{ variant_id: hundred, quantity: 1 }], "mia.credit@example.com")

      // Cart 100, balance 30 → 30 applied, 70 due; Medusa's own cart shows it
      // too, once the cart's change was handled (reads compute, never write).
      const settled = (cartId: string, expected: Record<string, unknown>) =>
        eventually(async () => {
          const cart = await readCart(cartId, mia.headers)
          expect(cart).toMatchObject(expected)
          return cart
        })
      expect(await credit(cartId, mia.headers)).toMatchObject({
        enabled: true,
        balance: 30,
        applied: 30,
        total_before_credit: 100,
        amount_due: 70,
      })
      await settled(cartId, { credit_line_total: 30, total: 70 })

      // The balance grows to 150 → the whole 100 is covered.
      await grant(mia.customer_id, 120)
      expect(await credit(cartId, mia.headers)).toMatchObject({ balance: 150, applied: 100, amount_due: 0 })
      await settled(cartId, { credit_line_total: 100, total: 0 })

      // Another item (cart 160) → 150 applied, 10 due; remove it → re-clamped to 100.
      const { data: added } = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: sixty, quantity: 1 }, mia.headers)
      await settled(cartId, { credit_line_total: 150, total: 10 })
      const sixtyItem = added.cart.items.find((i: { variant_id: string }) => i.variant_id === sixty)
      await api.delete(`/store/carts/${cartId}/line-items/${sixtyItem.id}`, mia.headers)
      const afterRemoval = await settled(cartId, { credit_line_total: 100, total: 0 })
      expect(afterRemoval.credit_lines).toHaveLength(1)

      // Quantity 2 → 150 of 200.
      const item = afterRemoval.items?.[0] ?? (await api.get(`/store/carts/${cartId}`, mia.headers)).data.cart.items[0]
      await api.post(`/store/carts/${cartId}/line-items/${item.id}`, { quantity: 2 }, mia.headers)
      expect(await credit(cartId, mia.headers)).toMatchObject({ applied: 150, amount_due: 50 })

      // Off → the full amount is due; on again → applied again.
      const off = await api.post(`/store/carts/${cartId}/credit`, { enabled: false }, mia.headers)
      expect(off.data.credit).toMatchObject({ enabled: false, applied: 0, amount_due: 200 })
      expect(await readCart(cartId, mia.headers)).toMatchObject({ credit_line_total: 0, total: 200 })
      expect(await credit(cartId, mia.headers)).toMatchObject({ enabled: false, applied: 0 })
      const on = await api.post(`/store/carts/${cartId}/credit`, { enabled: true }, mia.headers)
      expect(on.data.credit).toMatchObject({ enabled: true, applied: 150, amount_due: 50 })

      // Nothing was debited: the balance is spent only when an order is placed.
      expect(await balance(mia.customer_id)).toBe(150)
      await eventually(async () =>
        expect(events.filter((e) => e.name === "portico.credit.applied" && e.data.cart_id === cartId).length).toBeGreaterThan(3)
      )
    })

    it("completes a credit-covered cart with no payment, a paid invoice and one debit referencing the order", async () => {
      const noah = await registerClient(api, demo, "noah.credit@example.com")
      await grant(noah.customer_id, 150)
      const cartId = await cartWith(noah.headers, [{ variant_id: hundred, quantity: 1 }], "noah.credit@example.com")
      expect(await credit(cartId, noah.headers)).toMatchObject({ applied: 100, amount_due: 0 })

      const first = await api.post(`/store/carts/${cartId}/complete`, {}, noah.headers)
      expect(first.data.type).toBe("order")
      const order = first.data.order
      // A repeated completion answers the same order and debits nothing more.
      const again = await api.post(`/store/carts/${cartId}/complete`, {}, noah.headers)
      expect(again.data.order.id).toBe(order.id)

      const { data } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections,*credit_lines`, admin)
      expect(data.order.payment_collections).toHaveLength(0)
      expect(data.order.credit_lines).toEqual([expect.objectContaining({ reference: "store-credit", amount: 100 })])

      expect(await balance(noah.customer_id)).toBe(50)
      const { transactions } = await ledger(noah.customer_id)
      const debits = transactions.filter((t: { type: string }) => t.type === "debit")
      expect(debits).toEqual([
        expect.objectContaining({ amount: 100, reason: "checkout", order_id: order.id, order_display_id: order.display_id, balance_after: 50 }),
      ])

      const invoice = await eventually(async () => {
        const inv = await invoiceOf(cartId)
        expect(inv.status).toBe("paid")
        return inv
      })
      expect(invoice).toMatchObject({ credit_total: 100, total: 0 })
      expect(debits[0].invoice_number).toBe(invoice.number)
      await eventually(async () =>
        expect(events.filter((e) => e.name === "portico.credit.debited" && e.data.order_id === order.id)).toEqual([
          expect.objectContaining({ data: expect.objectContaining({ amount: 100, customer_id: noah.customer_id, invoice_id: invoice.id }) }),
        ])
      )

      // The client sees the same history.
      const mine = (await api.get("/store/portico/credit/transactions", noah.headers)).data
      expect(mine.transactions[0]).toMatchObject({ type: "debit", amount: 100, order_id: order.id, balance_after: 50 })
      // The merchant's raw references (e.g. the admin user of a grant) stay in the admin.
      expect(mine.transactions[1]).toMatchObject({ type: "credit", reason: "grant", note: "Test grant" })
      expect(mine.transactions[1].reference_id).toBeUndefined()
      expect((await api.get("/store/portico/credit", noah.headers)).data.accounts).toEqual([
        expect.objectContaining({ currency_code: "usd", balance: 50 }),
      ])
    })

    it("pays the remainder with another method and debits only when the order is placed", async () => {
      const ivy = await registerClient(api, demo, "ivy.credit@example.com")
      await grant(ivy.customer_id, 30)
      const cartId = await cartWith(ivy.headers, [{ variant_id: hundred, quantity: 1 }], "ivy.credit@example.com")
      // The cart applied the credit (after its change, off the request), as the checkout page shows it.
      await eventually(async () => expect(await readCart(cartId, ivy.headers)).toMatchObject({ credit_line_total: 30, total: 70 }))
      // An abandoned payment: collection and session created, never completed.
      const {
        data: { payment_collection },
      } = await api.post("/store/payment-collections", { cart_id: cartId }, ivy.headers)
      expect(payment_collection.amount).toBe(70)
      expect(await balance(ivy.customer_id)).toBe(30)

      // The cart changes after the session was created: credit and collection follow.
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: sixty, quantity: 1 }, ivy.headers)
      expect(await credit(cartId, ivy.headers)).toMatchObject({ applied: 30, amount_due: 130 })

      const { data } = await checkout(api, demo, cartId, ivy.headers)
      expect(data.type).toBe("order")
      const { data: full } = await api.get(`/admin/orders/${data.order.id}?fields=*payment_collections.payments`, admin)
      expect(full.order.payment_collections[0].amount).toBe(130)
      expect(full.order.payment_collections[0].payments[0].amount).toBe(130)
      expect(await balance(ivy.customer_id)).toBe(0)
      const invoice = await eventually(async () => {
        const inv = await invoiceOf(cartId)
        expect(inv.status).toBe("paid")
        return inv
      })
      expect(invoice).toMatchObject({ subtotal: 160, credit_total: 30, total: 130 })
    })

    it("gives guests none, drops a previous customer's credit, and shows a cart's credit to its owner only", async () => {
      const guestCart = await cartWith(storeHeaders(demo), [{ variant_id: hundred, quantity: 1 }], "guest.credit@example.com")
      expect((await readCart(guestCart, storeHeaders(demo))).credit_line_total).toBe(0)
      expect((await response(api.get(`/store/carts/${guestCart}/credit`, storeHeaders(demo)))).status).toBe(401)

      const ada = await registerClient(api, demo, "ada.credit@example.com")
      const ben = await registerClient(api, demo, "ben.credit@example.com")
      await grant(ada.customer_id, 40)
      const cartId = await cartWith(ada.headers, [{ variant_id: hundred, quantity: 1 }], "ada.credit@example.com")
      expect(await credit(cartId, ada.headers)).toMatchObject({ applied: 40 })

      for (const res of await Promise.all([
        response(api.get(`/store/carts/${cartId}/credit`, ben.headers)),
        response(api.post(`/store/carts/${cartId}/credit`, { enabled: false }, ben.headers)),
        response(api.get(`/store/carts/${guestCart}/credit`, ben.headers)),
      ])) {
        expect(res.status).toBe(404)
        expect(res.data.code).toBe("not_found")
      }
      expect(await credit(cartId, ada.headers)).toMatchObject({ enabled: true, applied: 40 })

      // The cart passes to Ben (no credit) behind Medusa's back (no event):
      // what Ben is shown applies none of Ada's credit at once, and paying
      // drops Ada's line before anything is charged.
      await getContainer().resolve(Modules.CART).updateCarts(cartId, { customer_id: ben.customer_id })
      expect(await credit(cartId, ben.headers)).toMatchObject({ applied: 0, amount_due: 100 })
      const { data: paid } = await checkout(api, demo, cartId, ben.headers)
      expect(paid.type).toBe("order")
      const { data: placed } = await api.get(`/admin/orders/${paid.order.id}?fields=*credit_lines,*payment_collections`, admin)
      expect(placed.order.credit_lines).toEqual([])
      expect(placed.order.payment_collections[0].amount).toBe(100)
      expect(await balance(ada.customer_id)).toBe(40)
    })

    it("refuses bad grants and deductions with stable codes and writes nothing", async () => {
      const eve = await registerClient(api, demo, "eve.credit@example.com")
      await grant(eve.customer_id, 20)
      const cases: [Record<string, unknown>, number, string, string?][] = [
        [{ type: "grant", currency_code: "usd", amount: 0, note: "x" }, 400, "invalid_request", "amount"],
        [{ type: "grant", currency_code: "usd", amount: -5, note: "x" }, 400, "invalid_request", "amount"],
        [{ type: "grant", currency_code: "usd", amount: "ten", note: "x" }, 400, "invalid_request", "amount"],
        [{ type: "grant", currency_code: "usd", amount: 10.001, note: "x" }, 400, "invalid_request", "amount"],
        [{ type: "grant", amount: 10, note: "x" }, 400, "invalid_request", "currency_code"],
        [{ type: "grant", currency_code: "usd", amount: 10, note: " " }, 400, "invalid_request", "note"],
        [{ type: "gift", currency_code: "usd", amount: 10, note: "x" }, 400, "invalid_request", "type"],
        [{ type: "grant", currency_code: "jpy", amount: 10, note: "x" }, 400, "unsupported_currency", "currency_code"],
        [{ type: "deduct", currency_code: "usd", amount: 20.01, note: "x" }, 400, "insufficient_credit", "amount"],
        [{ type: "deduct", currency_code: "eur", amount: 1, note: "x" }, 400, "insufficient_credit", "amount"],
      ]
      for (const [body, status, code, field] of cases) {
        const res = await adjust(eve.customer_id, body)
        expect({ body, status: res.status, code: res.data.code }).toEqual({ body, status, code })
        if (field) {
          expect(res.data.errors.map((e: { field: string }) => e.field)).toContain(field)
        }
      }
      expect((await adjust("cus_missing", { type: "grant", currency_code: "usd", amount: 1, note: "x" })).status).toBe(404)

      // Nothing was written: one grant, one account (no EUR account left behind).
      const { transactions, count } = await ledger(eve.customer_id)
      expect(count).toBe(1)
      expect(transactions[0]).toMatchObject({ type: "credit", amount: 20, reason: "grant", note: "Test grant" })
      const { data } = await api.get(`/admin/portico/customers/${eve.customer_id}/credit`, admin)
      expect(data.accounts.map((a: { currency_code: string }) => a.currency_code)).toEqual(["usd"])

      // A deduction within the balance works and shows in the ledger.
      expect((await adjust(eve.customer_id, { type: "deduct", currency_code: "usd", amount: 5, note: "Correction" })).status).toBe(200)
      expect((await ledger(eve.customer_id)).transactions[0]).toMatchObject({ type: "debit", amount: 5, reason: "deduction", balance_after: 15 })

      // Guests cannot hold credit.
      const guest = await getContainer()
        .resolve(Modules.CUSTOMER)
        .createCustomers({ email: "guest2.credit@example.com", has_account: false })
      expect((await adjust(guest.id, { type: "grant", currency_code: "usd", amount: 5, note: "x" })).data.code).toBe("guest_customer")
    })

    it("refunds an order to credit, whole or part, never more than was paid, on the ledger and the invoice", async () => {
      const zoe = await registerClient(api, demo, "zoe.credit@example.com")
      await grant(zoe.customer_id, 30)
      const cartId = await cartWith(zoe.headers, [{ variant_id: hundred, quantity: 1 }], "zoe.credit@example.com")
      await credit(cartId, zoe.headers)
      const { data } = await checkout(api, demo, cartId, zoe.headers)
      const orderId = data.order.id
      const refundUrl = `/admin/portico/orders/${orderId}/credit-refunds`
      // Authorized, not captured: only the credit used can go back.
      // The widget explains it with what awaits capture, and where.
      expect((await api.get(refundUrl, admin)).data.refund).toMatchObject({
        captured: 0,
        awaiting_capture: 70,
        awaiting_capture_providers: ["pp_system_default"],
        credit_used: 30,
        refundable: 30,
      })
      const { data: full } = await api.get(`/admin/orders/${orderId}?fields=*payment_collections.payments`, admin)
      await api.post(`/admin/payments/${full.order.payment_collections[0].payments[0].id}/capture`, {}, admin)
      expect((await api.get(refundUrl, admin)).data.refund).toMatchObject({ captured: 70, awaiting_capture: 0, awaiting_capture_providers: [], refundable: 100 })

      const part = await api.post(refundUrl, { amount: 40, note: "One session canceled" }, admin)
      expect(part.data.refund).toMatchObject({ refunded_to_credit: 40, refundable: 60 })
      const over = await response(api.post(refundUrl, { amount: 60.01 }, admin))
      expect(over.status).toBe(400)
      expect(over.data).toMatchObject({ code: "refund_exceeds_paid", refundable: 60 })
      expect(over.data.message).toContain("$60.00")
      expect((await response(api.post(refundUrl, { amount: 0 }, admin))).data.code).toBe("invalid_request")
      const precise = await response(api.post(refundUrl, { amount: 10.005 }, admin))
      expect(precise.data).toMatchObject({ code: "too_precise", errors: [expect.objectContaining({ field: "amount" })] })
      expect((await response(api.post(`/admin/portico/orders/order_missing/credit-refunds`, { amount: 1 }, admin))).status).toBe(404)
      // Two refunds of the rest at once: one passes, the other finds nothing left.
      const racing = await Promise.all([response(api.post(refundUrl, { amount: 60 }, admin)), response(api.post(refundUrl, { amount: 60 }, admin))])
      expect(racing.map((r) => r.status).sort()).toEqual([200, 400])

      expect(await balance(zoe.customer_id)).toBe(100)
      const refunds = (await ledger(zoe.customer_id)).transactions.filter((t: { reason: string }) => t.reason === "refund")
      expect(refunds.map((t: { amount: number; order_id: string }) => [t.amount, t.order_id])).toEqual([
        [60, orderId],
        [40, orderId],
      ])
      const invoice = await eventually(async () => {
        const inv = await invoiceOf(cartId)
        expect(Number(inv.credit_refund_total)).toBe(100)
        return inv
      })
      expect((await api.get(`/admin/portico/invoices/${invoice.id}`, admin)).data.invoice.credit_refund_total).toBe(100)
      expect(events.filter((e) => e.name === "portico.credit.refunded" && e.data.order_id === orderId)).toHaveLength(2)
    })

    it("never overdraws when one client completes 20 carts at once, and debits a cart once however often it is completed", async () => {
      const kim = await registerClient(api, demo, "kim.credit@example.com")
      await grant(kim.customer_id, 250)
      const carts: string[] = []
      for (let i = 0; i < 20; i++) {
        carts.push(await cartWith(kim.headers, [{ variant_id: hundred, quantity: 1 }], "kim.credit@example.com"))
      }
      for (const cartId of carts) {
        expect(await credit(cartId, kim.headers)).toMatchObject({ applied: 100, amount_due: 0 })
      }
      // Every cart is completed twice at once (a double-click), all 40 together.
      const results = await Promise.all(
        [...carts, ...carts].map((cartId) => response(api.post(`/store/carts/${cartId}/complete`, {}, kim.headers)))
      )
      const orders = new Map<string, string>()
      for (const [i, res] of results.entries()) {
        if (res.status === 200 && res.data.type === "order") {
          orders.set(carts[i % 20], res.data.order.id)
        } else {
          // Refused for want of credit, or a duplicate while the first one runs.
          expect([400, 409]).toContain(res.status)
        }
      }
      const insufficient = results.filter((r) => r.data?.code === "insufficient_credit")
      expect(insufficient.length).toBeGreaterThan(0)
      expect(orders.size).toBe(2)

      const { transactions } = await ledger(kim.customer_id)
      const debits = transactions.filter((t: { type: string }) => t.type === "debit")
      const credits = transactions.filter((t: { type: string }) => t.type === "credit")
      const sum = (ts: { amount: number }[]) => ts.reduce((s, t) => s + t.amount, 0)
      const final = await balance(kim.customer_id)
      expect(final).toBeGreaterThanOrEqual(0)
      expect(sum(credits) - sum(debits)).toBe(final)
      expect(debits).toHaveLength(orders.size)
      expect(new Set(debits.map((d: { order_id: string }) => d.order_id))).toEqual(new Set(orders.values()))
      expect(sum(debits)).toBe(100 * orders.size)
      expect(final).toBe(50)

      // Carts that were refused have no order and now apply what is left.
      const refused = carts.filter((c) => !orders.has(c))
      const { data } = await api.get(`/store/carts/${refused[0]}?fields=completed_at`, kim.headers)
      expect(data.cart.completed_at).toBeNull()
      expect(await credit(refused[0], kim.headers)).toMatchObject({ applied: 50, amount_due: 50 })
    })

    it("reads a cart without writing: no row and no event, even when its credit is out of date", async () => {
      const lea = await registerClient(api, demo, "lea.credit@example.com")
      await grant(lea.customer_id, 50)
      const cartId = await cartWith(lea.headers, [{ variant_id: hundred, quantity: 1 }], "lea.credit@example.com")
      await eventually(async () => expect(await readCart(cartId, lea.headers)).toMatchObject({ credit_line_total: 50 }))
      await eventually(async () => expect(Number((await invoiceOf(cartId))?.credit_total)).toBe(50))
      // The balance is spent elsewhere, behind Portico's back (no event): the cart is out of date.
      const [account] = await storeCreditModule(getContainer()).listStoreCreditAccounts({ customer_id: lea.customer_id })
      await storeCreditModule(getContainer()).debitAccounts([{ account_id: account.id, amount: 45, reference: "test", reference_id: "elsewhere" }])
      await new Promise((r) => setTimeout(r, 500))

      const before = await dbFingerprint(getContainer())
      let view: Record<string, unknown> = {}
      const emitted = await eventsDuring(getContainer(), async () => {
        await readCart(cartId, lea.headers)
        await api.get(`/store/carts/${cartId}`, lea.headers)
        view = (await api.get(`/store/carts/${cartId}/credit`, lea.headers)).data.credit
        await api.get(`/store/carts/${cartId}/invoice`, lea.headers)
      })
      expect(emitted).toEqual([])
      expect(await dbFingerprint(getContainer())).toEqual(before)
      // What the client is shown is computed from the balance now.
      expect(view).toMatchObject({ balance: 5, applied: 5, amount_due: 95 })
    })

    it("follows a coupon at once: Medusa emits no event for it, Portico's promotions route applies the credit to the new total", async () => {
      const max = await registerClient(api, demo, "max.credit@example.com")
      await grant(max.customer_id, 100)
      const cartId = await cartWith(max.headers, [{ variant_id: hundred, quantity: 1 }], "max.credit@example.com")
      await eventually(async () => expect(await readCart(cartId, max.headers)).toMatchObject({ credit_line_total: 100, total: 0 }))
      // 10% off: 90 left, all of it covered by credit, in the route's own answer.
      const fields = "fields=+credit_line_total,+total,+discount_total"
      const { data } = await api.post(`/store/carts/${cartId}/promotions?${fields}`, { promo_codes: [demo.coupon] }, max.headers)
      expect(data.cart).toMatchObject({ credit_line_total: 90, total: 0, discount_total: 10 })
      const removed = await api.delete(`/store/carts/${cartId}/promotions?${fields}`, { ...max.headers, data: { promo_codes: [demo.coupon] } })
      expect(removed.data.cart).toMatchObject({ credit_line_total: 100, total: 0, discount_total: 0 })
    })

    it("rewrites the credit in the background after a burst of cart changes, to exactly min(balance, total), with no client request failing", async () => {
      // Several signed-in clients change their carts at once, each request
      // right after the previous answer (what the bench's throughput phase
      // does): the background refresh gives way, nobody gets a lock error.
      const clients = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((i) => registerClient(api, demo, `burst${i}.credit@example.com`))
      )
      await Promise.all(clients.map((c) => grant(c.customer_id, 250)))
      const carts = await Promise.all(
        clients.map(async (c, i) => {
          const h = c.headers
          const { data } = await api.post("/store/carts", { region_id: regionId, email: `burst${i}.credit@example.com` }, h)
          const cartId = data.cart.id as string
          const added = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: hundred, quantity: 1 }, h)
          const itemId = added.data.cart.items[0].id as string
          const withSixty = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: sixty, quantity: 1 }, h)
          const sixtyId = withSixty.data.cart.items.find((it: { variant_id: string }) => it.variant_id === sixty).id
          await api.post(`/store/carts/${cartId}/line-items/${itemId}`, { quantity: 3 }, h) // 360
          await api.delete(`/store/carts/${cartId}/line-items/${sixtyId}`, h) // 300
          await api.post(`/store/carts/${cartId}/line-items/${itemId}`, { quantity: 2 }, h) // 200
          await api.post(`/store/carts/${cartId}/line-items`, { variant_id: sixty, quantity: 1 }, h) // 260
          return cartId
        })
      )
      for (const [i, cartId] of carts.entries()) {
        const cart = await eventually(async () => {
          const c = await readCart(cartId, clients[i].headers)
          expect(c).toMatchObject({ credit_line_total: 250, total: 10 })
          return c
        })
        expect(cart.credit_lines).toHaveLength(1)
        // Every rewrite started from what the previous one left: no line lost or doubled.
        await eventually(async () => {
          const applied = events.filter((e) => e.name === "portico.credit.applied" && e.data.cart_id === cartId)
          let previous = 0
          for (const e of applied) {
            expect(e.data.previous_amount).toBe(previous)
            previous = e.data.amount as number
          }
          expect(previous).toBe(250)
        })
      }
    })

    it("gives way when a cart's lock is busy and applies the credit once it is free; a client's own request still waits for it", async () => {
      const container = getContainer()
      const locking = container.resolve(Modules.LOCKING)
      const ola = await registerClient(api, demo, "ola.credit@example.com")
      await grant(ola.customer_id, 40)
      const cartId = await cartWith(ola.headers, [{ variant_id: hundred, quantity: 1 }], "ola.credit@example.com")
      await eventually(async () => expect(await readCart(cartId, ola.headers)).toMatchObject({ credit_line_total: 40 }))
      const appliedEvents = () => events.filter((e) => e.name === "portico.credit.applied" && e.data.cart_id === cartId).length
      const appliedBefore = appliedEvents()

      // Someone else (a client's request, a checkout) holds the cart's lock.
      await locking.acquire(cartId, { ownerId: "test-client", expire: 30 })
      try {
        // The background refresh tries once and fails at once instead of waiting.
        const started = Date.now()
        const refused = await refreshCartCreditWorkflow(container)
          .run({ input: { cart_id: cartId, locked_decision: true, lock_timeout: 0 } })
          .then(() => null, (e: Error) => e)
        expect(isLockBusy(refused)).toBe(true)
        expect(Date.now() - started).toBeLessThan(2_000)

        // A grant schedules the refresh; it finds the lock busy and writes nothing.
        await grant(ola.customer_id, 30)
        await new Promise((r) => setTimeout(r, 1_000))
        expect(await readCart(cartId, ola.headers)).toMatchObject({ credit_line_total: 40, total: 60 })
        expect(appliedEvents()).toBe(appliedBefore)
      } finally {
        await locking.release(cartId, { ownerId: "test-client" })
      }
      // Free again: a later try applies the new balance.
      await eventually(async () => expect(await readCart(cartId, ola.headers)).toMatchObject({ credit_line_total: 70, total: 30 }))

      // The client's own request (the switch) still waits for the lock and
      // then decides on exact figures.
      await locking.acquire(cartId, { ownerId: "test-client", expire: 30 })
      const switching = api.post(`/store/carts/${cartId}/credit`, { enabled: false }, ola.headers)
      await new Promise((r) => setTimeout(r, 500))
      await locking.release(cartId, { ownerId: "test-client" })
      expect((await switching).data.credit).toMatchObject({ enabled: false, applied: 0, amount_due: 100 })
      expect(await readCart(cartId, ola.headers)).toMatchObject({ credit_line_total: 0, total: 100 })
    })

    it("holds its rules for code that runs the workflows directly: credit applied when paying starts, gated at completion, refunds bounded", async () => {
      const container = getContainer()
      const eli = await registerClient(api, demo, "eli.credit@example.com")
      await grant(eli.customer_id, 80)
      const cartId = await cartWith(eli.headers, [{ variant_id: hundred, quantity: 1 }], "eli.credit@example.com")
      await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cartId } })
      const collectionOf = async () =>
        (await api.get(`/store/carts/${cartId}?fields=*payment_collection,*payment_collection.payment_sessions,+credit_line_total`, eli.headers)).data.cart
      const { payment_collection } = await collectionOf()

      // Starting the payment applies the credit first: the session is for what is left.
      await startCheckoutPaymentWorkflow(container).run({
        input: { payment_collection_id: payment_collection.id, provider_id: "pp_system_default", customer_id: eli.customer_id },
      })
      let cart = await collectionOf()
      expect(cart.credit_line_total).toBe(80)
      expect(cart.payment_collection.payment_sessions.map((s: { amount: number }) => s.amount)).toEqual([20])

      // The balance is spent elsewhere (no event): the gate corrects the cart and refuses, charging nothing.
      const [account] = await storeCreditModule(container).listStoreCreditAccounts({ customer_id: eli.customer_id })
      await storeCreditModule(container).debitAccounts([{ account_id: account.id, amount: 50, reference: "test", reference_id: "elsewhere" }])
      const gated = await completeCheckoutWorkflow(container)
        .run({ input: { cart_id: cartId } })
        .then(() => null, (e: { code?: string }) => e)
      expect(gated?.code).toBe("insufficient_credit")
      cart = await collectionOf()
      expect(cart.credit_line_total).toBe(30)
      expect(cart.completed_at).toBeNull()
      expect(await balance(eli.customer_id)).toBe(30)

      // Paying again for the new amount due places the order.
      await startCheckoutPaymentWorkflow(container).run({
        input: { payment_collection_id: payment_collection.id, provider_id: "pp_system_default", customer_id: eli.customer_id },
      })
      const { result } = await completeCheckoutWorkflow(container).run({ input: { cart_id: cartId } })
      expect(result.order_id).toMatch(/^order_/)
      // Completing again returns the same order and debits nothing more.
      expect((await completeCheckoutWorkflow(container).run({ input: { cart_id: cartId } })).result.order_id).toBe(result.order_id)
      expect(await balance(eli.customer_id)).toBe(0)

      // Paid: 30 credit + 70 captured. 60 back to credit, then the card can take at most 40.
      const { data: full } = await api.get(`/admin/orders/${result.order_id}?fields=*payment_collections.payments`, admin)
      const paymentId = full.order.payment_collections[0].payments[0].id as string
      await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId } })
      await refundOrderToCreditWorkflow(container).run({ input: { order_id: result.order_id, amount: 60, actor_id: "test" } })
      const over = await refundPaymentWithinPaidWorkflow(container)
        .run({ input: { payment_id: paymentId, amount: 41 } })
        .then(() => null, (e: { code?: string }) => e)
      expect(over?.code).toBe("refund_exceeds_paid")
      // The admin route gives the same answer.
      const viaRoute = await response(api.post(`/admin/payments/${paymentId}/refund`, { amount: 41 }, admin))
      expect(viaRoute.status).toBe(400)
      expect(viaRoute.data).toMatchObject({ code: "refund_exceeds_paid", refundable: 40 })
      // Without an amount the refund is what the payment has left (70), also beyond.
      const whole = await refundPaymentWithinPaidWorkflow(container)
        .run({ input: { payment_id: paymentId } })
        .then(() => null, (e: { code?: string }) => e)
      expect(whole?.code).toBe("refund_exceeds_paid")
      await refundPaymentWithinPaidWorkflow(container).run({ input: { payment_id: paymentId, amount: 40 } })
      const nothingLeft = await refundOrderToCreditWorkflow(container)
        .run({ input: { order_id: result.order_id, amount: 0.01, actor_id: "test" } })
        .then(() => null, (e: { code?: string }) => e)
      expect(nothingLeft?.code).toBe("refund_exceeds_paid")
      // Medusa's own workflow has no hook to bound it; it still stops at what the payment captured.
      const stock = await refundPaymentWorkflow(container)
        .run({ input: { payment_id: paymentId, amount: 31 } })
        .then(() => null, (e: Error) => e)
      expect(stock?.message).toMatch(/refund more than the captured amount/)
    })
  },
})
