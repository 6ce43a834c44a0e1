import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { addToCartWorkflow, createCartWorkflow, createProductsWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, MedusaError, Modules, ProductStatus } from "@medusajs/framework/utils"
import { explainUnpricedVariants } from "../../src/utils/currency-lock"
import { onCartValidate } from "../../src/utils/cart-validators"
import type { DemoInfo } from "../../scripts/seed-demo"
import { createPorticoClient, PorticoApiError } from "../../src/client"
import { PORTICO_INVOICE_MODULE } from "../../src/modules/invoice"
import type InvoiceModuleService from "../../src/modules/invoice/service"
import { adminHeaders, seedDemo, storeHeaders } from "../helpers/demo"
import { checkout, createCart, eventually, registerClient, response, variantOf } from "../helpers/store"

jest.setTimeout(180_000)

/** Currency-locked carts and the invoices that mirror them (issue: catalog, currency lock, invoices). */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let demo: DemoInfo
    let h: ReturnType<typeof storeHeaders>
    const events: { name: string; data: { id: string; number?: string } }[] = []

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
      h = storeHeaders(demo)
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["portico.invoice.created", "portico.invoice.opened", "portico.invoice.paid", "portico.invoice.voided"]) {
        bus.subscribe(
          name,
          async (event) => {
            events.push({ name, data: event.data as { id: string } })
          },
          { subscriberId: `test-${name}` }
        )
      }
    })

    const invoices = () => getContainer().resolve<InvoiceModuleService>(PORTICO_INVOICE_MODULE)
    const invoiceOf = async (cartId: string) => {
      const [invoice] = await invoices().listInvoices({ cart_id: cartId }, { relations: ["lines"] })
      return invoice
    }

    describe("currency lock", () => {
      it("refuses a EUR-only service in a USD cart with currency_mismatch; cart and invoice unchanged", async () => {
        const audit = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
        const workshop = await variantOf(api, demo, "brand-workshop-eu", demo.region_ids.eur)
        const cart = await createCart(api, demo, demo.region_ids.usd)
        await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: audit.id, quantity: 1 }, h)
        const before = (await api.get(`/store/carts/${cart.id}/invoice`, h)).data.invoice

        const refused = await response(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: workshop.id, quantity: 1 }, h))
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("currency_mismatch")
        expect(refused.data.type).toBe("invalid_data")
        // Portico's typed client keeps the body's code on a core route's refusal too.
        const portico = createPorticoClient({ baseUrl: api.defaults.baseURL as string, publishableKey: demo.publishable_key })
        const thrown = await portico
          .fetch(`/store/carts/${cart.id}/line-items`, { method: "POST", body: { variant_id: workshop.id, quantity: 1 } })
          .then(() => null, (e: unknown) => e)
        expect(thrown).toBeInstanceOf(PorticoApiError)
        expect(thrown).toMatchObject({ status: 400, code: "currency_mismatch", type: "invalid_data" })
        expect(refused.data.message).toContain("Brand strategy workshop (EU)")
        expect(refused.data.message).toContain("EUR")
        expect(refused.data.message).toContain("USD")

        const { data } = await api.get(`/store/carts/${cart.id}`, h)
        expect(data.cart.items).toHaveLength(1)
        expect(data.cart.total).toBe(486)
        const after = (await api.get(`/store/carts/${cart.id}/invoice`, h)).data.invoice
        expect(after.lines).toHaveLength(1)
        expect(after.total).toBe(before.total)
        expect(after.item_count).toBe(1)
      })

      it("holds for workflows called by other code and for carts created with items", async () => {
        const workshop = await variantOf(api, demo, "brand-workshop-eu", demo.region_ids.eur)
        const cart = await createCart(api, demo, demo.region_ids.usd)
        const err = await addToCartWorkflow(getContainer())
          .run({ input: { cart_id: cart.id, items: [{ variant_id: workshop.id, quantity: 1 }] } })
          .then(() => null, (e: { code?: string; message?: string }) => e)
        expect(err?.code).toBe("currency_mismatch")
        expect(await invoiceOf(cart.id)).toBeUndefined()

        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const count = async () => (await query.graph({ entity: "cart", fields: ["id"] })).data.length
        const carts = await count()
        const created = await response(
          api.post("/store/carts", { region_id: demo.region_ids.usd, items: [{ variant_id: workshop.id, quantity: 1 }] }, h)
        )
        expect(created.status).toBe(400)
        expect(created.data.code).toBe("currency_mismatch")
        expect(await count()).toBe(carts)
      })

      it("refuses a quantity change once the service lost its price in the cart's currency", async () => {
        const admin = await adminHeaders(api, demo)
        const { data } = await api.post(
          "/admin/products",
          {
            title: "Strategy call",
            status: "published",
            sales_channels: [{ id: demo.sales_channel_id }],
            options: [{ title: "Service", values: ["Default"] }],
            variants: [
              {
                title: "Default",
                manage_inventory: false,
                options: { Service: "Default" },
                prices: [
                  { currency_code: "usd", amount: 100 },
                  { currency_code: "eur", amount: 90 },
                ],
              },
            ],
          },
          admin
        )
        const product = data.product
        const cart = await createCart(api, demo, demo.region_ids.usd)
        const added = await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 }, h)
        const item = added.data.cart.items[0]
        // The merchant now sells it in euros only.
        await api.post(
          `/admin/products/${product.id}/variants/${product.variants[0].id}`,
          { prices: [{ currency_code: "eur", amount: 90 }] },
          admin
        )
        const refused = await response(api.post(`/store/carts/${cart.id}/line-items/${item.id}`, { quantity: 2 }, h))
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("currency_mismatch")
        expect(refused.data.message).toContain("Strategy call")
        const after = await api.get(`/store/carts/${cart.id}`, h)
        expect(after.data.cart.items[0].quantity).toBe(1)
      })

      it("reprices a cart moved to a region where every service has a price, and refuses the move otherwise", async () => {
        const audit = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
        const tax = await variantOf(api, demo, "us-tax-consultation", demo.region_ids.usd)

        const { data: ok } = await api.post("/store/carts", { region_id: demo.region_ids.usd }, h)
        await api.post(`/store/carts/${ok.cart.id}/line-items`, { variant_id: audit.id, quantity: 1 }, h)
        const moved = await api.post(`/store/carts/${ok.cart.id}`, { region_id: demo.region_ids.eur }, h)
        expect(moved.data.cart.currency_code).toBe("eur")
        expect(moved.data.cart.items[0].unit_price).toBe(420)
        const invoice = (await api.get(`/store/carts/${ok.cart.id}/invoice`, h)).data.invoice
        expect(invoice.currency_code).toBe("eur")
        expect(invoice.lines[0].unit_price).toBe(420)

        const { data: stuck } = await api.post("/store/carts", { region_id: demo.region_ids.usd }, h)
        await api.post(`/store/carts/${stuck.cart.id}/line-items`, { variant_id: tax.id, quantity: 1 }, h)
        const refused = await response(api.post(`/store/carts/${stuck.cart.id}`, { region_id: demo.region_ids.eur }, h))
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("currency_mismatch")
        expect(refused.data.message).toContain("US tax consultation")
        const { data } = await api.get(`/store/carts/${stuck.cart.id}`, h)
        expect(data.cart.currency_code).toBe("usd")
        expect(data.cart.region_id).toBe(demo.region_ids.usd)
      })
    })

    describe("currency lock beside stock Medusa", () => {
      /** A published service with exactly these prices, in the demo's sales channel. */
      async function service(title: string, prices: { currency_code: string; amount: number; rules?: Record<string, string> }[]) {
        const { result } = await createProductsWorkflow(getContainer()).run({
          input: {
            products: [
              {
                title,
                status: ProductStatus.PUBLISHED,
                options: [{ title: "Service", values: ["Default"] }],
                variants: [{ title: "Default", manage_inventory: false, options: { Service: "Default" }, prices }],
                sales_channels: [{ id: demo.sales_channel_id }],
              },
            ],
          },
        })
        return result[0].variants[0].id
      }

      it("leaves a service with no price at all to Medusa's own answer", async () => {
        const unpriced = await service("Unpriced review", [])
        const cart = await createCart(api, demo, demo.region_ids.usd)
        const refused = await response(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: unpriced, quantity: 1 }, h))
        expect(refused.status).toBe(400)
        // Medusa's message, word for word, as an app without Portico answers it.
        expect(refused.data).toMatchObject({ type: "invalid_data", message: `Variants with IDs ${unpriced} do not have a price` })
        expect(refused.data.code).not.toBe("currency_mismatch")
        const created = await response(api.post("/store/carts", { region_id: demo.region_ids.usd, items: [{ variant_id: unpriced, quantity: 1 }] }, h))
        expect(created.status).toBe(400)
        expect(created.data.message).toBe(`Variants with IDs ${unpriced} do not have a price`)
      })

      it("accepts a custom-priced item in the cart's currency, as Medusa does, whatever the service's own prices", async () => {
        const eurOnly = await service("Euro retainer", [{ currency_code: "eur", amount: 300 }])
        const cart = await createCart(api, demo, demo.region_ids.usd)
        const { result } = await addToCartWorkflow(getContainer()).run({
          input: { cart_id: cart.id, items: [{ variant_id: eurOnly, quantity: 1, unit_price: 250 }] },
        })
        expect(result).toBeUndefined()
        const { data } = await api.get(`/store/carts/${cart.id}?fields=*items`, h)
        expect(data.cart.items).toEqual([expect.objectContaining({ variant_id: eurOnly, unit_price: 250, is_custom_price: true })])
        // Such a cart cannot change currency: the item's amount is in dollars.
        const moved = await response(api.post(`/store/carts/${cart.id}`, { region_id: demo.region_ids.eur }, h))
        expect(moved.status).toBe(400)
        expect(moved.data.code).toBe("currency_mismatch")
        expect((await api.get(`/store/carts/${cart.id}`, h)).data.cart.currency_code).toBe("usd")
      })

      it("prices in the cart's context as Medusa does: a price in the cart's currency for another region is Medusa's refusal, not the lock's", async () => {
        const elsewhere = await createRegionsWorkflow(getContainer()).run({
          input: { regions: [{ name: "Dollar elsewhere", currency_code: "usd", countries: ["pr"] }] },
        })
        const regional = await service("Regional workshop", [{ currency_code: "usd", amount: 80, rules: { region_id: elsewhere.result[0].id } }])
        const cart = await createCart(api, demo, demo.region_ids.usd)
        const refused = await response(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: regional, quantity: 1 }, h))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe(`Variants with IDs ${regional} do not have a price`)
        expect(refused.data.code).not.toBe("currency_mismatch")
        // In its own region Medusa prices it, and so does the lock.
        const there = await createCart(api, demo, elsewhere.result[0].id)
        const { data } = await api.post(`/store/carts/${there.id}/line-items`, { variant_id: regional, quantity: 1 }, h)
        expect(data.cart.items[0].unit_price).toBe(80)
      })

      it("shares the add-to-cart validation slot it holds: an app's validator runs after the lock", async () => {
        const seen: string[] = []
        onCartValidate("addToCart", async ({ input }) => {
          const items = (input as { items: { variant_id?: string; metadata?: { refuse?: boolean } }[] }).items
          seen.push(...items.map((i) => i.variant_id ?? ""))
          if (items.some((i) => i.metadata?.refuse)) {
            throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Refused by the app's own rule")
          }
        })
        const audit = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
        const cart = await createCart(api, demo, demo.region_ids.usd)
        await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: audit.id, quantity: 1 }, h)
        const refused = await response(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: audit.id, quantity: 1, metadata: { refuse: true } }, h))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("Refused by the app's own rule")
        expect(seen).toEqual([audit.id, audit.id])
        // The lock still comes first.
        const workshop = await variantOf(api, demo, "brand-workshop-eu", demo.region_ids.eur)
        const locked = await response(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: workshop.id, quantity: 1 }, h))
        expect(locked.data.code).toBe("currency_mismatch")
        expect(seen).toHaveLength(2)
      })

      it("refuses a cart created with another currency's items from code as from the store API", async () => {
        const workshop = await variantOf(api, demo, "brand-workshop-eu", demo.region_ids.eur)
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const count = async () => (await query.graph({ entity: "cart", fields: ["id"] })).data.length
        const carts = await count()
        const err = await createCartWorkflow(getContainer())
          .run({ input: { region_id: demo.region_ids.usd, items: [{ variant_id: workshop.id, quantity: 1 }] } })
          .then(() => null, (e: unknown) => e)
        expect(err).toBeTruthy()
        expect(await count()).toBe(carts)
        // Medusa prices a new cart's items before any hook: its refusal, explained by the lock.
        const explained = await explainUnpricedVariants(getContainer(), err, { currency_code: "usd" })
        expect(explained?.code).toBe("currency_mismatch")
        expect(explained?.message).toContain("Brand strategy workshop (EU)")
      })
    })

    describe("invoices", () => {
      it("is created on the first item and mirrors quantities, coupon and tax", async () => {
        const audit = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
        const copy = await variantOf(api, demo, "copywriting", demo.region_ids.usd)
        const cart = await createCart(api, demo, demo.region_ids.usd)
        expect((await response(api.get(`/store/carts/${cart.id}/invoice`, h))).status).toBe(404)

        const added = await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: audit.id, quantity: 1 }, h)
        // Mirrored by the cart.updated subscriber, without anyone reading the invoice.
        const first = await eventually(async () => {
          const inv = await invoiceOf(cart.id)
          expect(inv?.lines).toHaveLength(1)
          return inv
        })
        expect(first.status).toBe("abandoned")
        expect(first.number).toBeNull()
        expect(events.filter((e) => e.name === "portico.invoice.created" && e.data.id === first.id)).toHaveLength(1)

        const item = added.data.cart.items[0]
        await api.post(`/store/carts/${cart.id}/line-items/${item.id}`, { quantity: 3 }, h)
        await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: copy.id, quantity: 2 }, h)
        await eventually(async () => {
          const inv = await invoiceOf(cart.id)
          expect(inv.lines.map((l) => [l.title, l.quantity]).sort()).toEqual([
            ["Copywriting (1,000 words)", 2],
            ["Website audit", 3],
          ])
          // 3 × 450 + 2 × 120 = 1590, 8 % tax = 127.2
          expect(Number(inv.subtotal)).toBe(1590)
          expect(Number(inv.tax_total)).toBe(127.2)
          expect(Number(inv.total)).toBe(1717.2)
        })

        const { data: discounted } = await api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: [demo.coupon] }, h)
        const { data } = await api.get(`/store/carts/${cart.id}/invoice`, h)
        expect(data.invoice).toMatchObject({
          status: "abandoned",
          currency_code: "usd",
          item_count: 5,
          promotion_codes: [demo.coupon],
          discount_total: discounted.cart.discount_subtotal,
          tax_total: discounted.cart.tax_total,
          total: discounted.cart.total,
        })
        expect(data.invoice.total).toBe(1545.48) // (1590 − 10 %) × 1.08
        // An invoice adds up: 1590 − 159 + 114.48 = 1545.48, and so does each line.
        expect(data.invoice.discount_total).toBe(159)
        expect(data.invoice.subtotal - data.invoice.discount_total + data.invoice.tax_total - data.invoice.credit_total).toBeCloseTo(data.invoice.total, 10)
        for (const line of data.invoice.lines) {
          expect(line.subtotal - line.discount_total + line.tax_total).toBeCloseTo(line.total, 10)
        }
        const audited = data.invoice.lines.find((l: { title: string }) => l.title === "Website audit")
        expect(audited).toMatchObject({ quantity: 3, unit_price: 450, subtotal: 1350 })
        expect(audited.discount_total).toBeGreaterThan(0)

        // Removing an item is mirrored too.
        await api.delete(`/store/carts/${cart.id}/line-items/${item.id}`, h)
        await eventually(async () => expect((await invoiceOf(cart.id)).lines).toHaveLength(1))
      })

      it("a cart completed before the background mirror made its invoice: created at the checkout, each event once", async () => {
        // The mirror waits a minute after the last change: the checkout comes first (and drops it).
        const delay = process.env.PORTICO_INVOICE_MIRROR_DELAY_MS
        process.env.PORTICO_INVOICE_MIRROR_DELAY_MS = "60000"
        try {
          const audit = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
          const cart = await createCart(api, demo, demo.region_ids.usd)
          await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: audit.id, quantity: 1 }, h)
          // No invoice yet (read from the module: the store's invoice route would mirror the cart).
          await new Promise((r) => setTimeout(r, 500))
          expect(await invoiceOf(cart.id)).toBeUndefined()
          const completed = await checkout(api, demo, cart.id)
          expect(completed.data.type).toBe("order")
          const invoice = await eventually(async () => {
            const inv = await invoiceOf(cart.id)
            expect(inv.status).toBe("paid")
            return inv
          })
          await eventually(async () => {
            expect(events.filter((e) => e.data.id === invoice.id).map((e) => e.name)).toEqual([
              "portico.invoice.created",
              "portico.invoice.opened",
              "portico.invoice.paid",
            ])
          })
        } finally {
          if (delay === undefined) delete process.env.PORTICO_INVOICE_MIRROR_DELAY_MS
          else process.env.PORTICO_INVOICE_MIRROR_DELAY_MS = delay
        }
      })

      it("is paid at completion with the system provider, numbered, and served for the order", async () => {
        const audit = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
        const cart = await createCart(api, demo, demo.region_ids.usd)
        await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: audit.id, quantity: 2 }, h)
        const completed = await checkout(api, demo, cart.id)
        expect(completed.data.type).toBe("order")
        const order = completed.data.order

        const invoice = await eventually(async () => {
          const inv = await invoiceOf(cart.id)
          expect(inv.status).toBe("paid")
          return inv
        })
        expect(invoice.number).toMatch(/^INV-\d{6}$/)
        expect(invoice.order_id).toBe(order.id)
        expect(invoice.opened_at).toBeTruthy()
        expect(invoice.paid_at).toBeTruthy()
        expect(Number(invoice.total)).toBe(972)
        await eventually(async () => {
          expect(events.filter((e) => e.data.id === invoice.id).map((e) => e.name).sort()).toEqual([
            "portico.invoice.created",
            "portico.invoice.opened",
            "portico.invoice.paid",
          ])
        })

        // The browser that placed the order reads it with the order token of the completion answer.
        const placer = storeHeaders(demo, { "x-portico-order-token": completed.data.order_access_token })
        const { data } = await api.get(`/store/orders/${order.id}/invoice`, placer)
        expect(data.invoice).toMatchObject({ id: invoice.id, number: invoice.number, status: "paid", total: 972 })
        // The order id alone opens nothing.
        expect((await response(api.get(`/store/orders/${order.id}/invoice`, h))).status).toBe(404)

        // Reading again (or a duplicate order.placed) changes nothing and emits nothing more.
        await api.get(`/store/orders/${order.id}/invoice`, placer)
        expect(events.filter((e) => e.data.id === invoice.id)).toHaveLength(3)

        const admin = await adminHeaders(api, demo)
        const listed = await api.get(`/admin/portico/invoices?status=paid&number=${invoice.number}`, admin)
        expect(listed.data.invoices).toHaveLength(1)
        expect(listed.data.invoices[0].order.display_id).toBe(order.display_id)
        expect(listed.data.invoices[0].customer.email).toBe("ada@example.com")
        const mine = await api.get(`/admin/portico/invoices?customer_id=${invoice.customer_id}&status[]=paid&status[]=open`, admin)
        expect(mine.data.invoices.map((i: { id: string }) => i.id)).toContain(invoice.id)
        expect(mine.data.invoices.every((i: { customer_id: string }) => i.customer_id === invoice.customer_id)).toBe(true)
        // By default the list holds issued invoices only; carts (abandoned) are listed on request.
        const shopping = await createCart(api, demo, demo.region_ids.usd)
        const copy = await variantOf(api, demo, "copywriting", demo.region_ids.usd)
        await api.post(`/store/carts/${shopping.id}/line-items`, { variant_id: copy.id, quantity: 1 }, h)
        const cartInvoice = await eventually(async () => {
          const inv = await invoiceOf(shopping.id)
          expect(inv?.status).toBe("abandoned")
          return inv
        })
        const byDefault = await api.get("/admin/portico/invoices?limit=100", admin)
        expect(byDefault.data.invoices.map((i: { id: string }) => i.id)).toContain(invoice.id)
        expect(byDefault.data.invoices.map((i: { status: string }) => i.status)).not.toContain("abandoned")
        const carts = await api.get("/admin/portico/invoices?status=abandoned&limit=100", admin)
        expect(carts.data.invoices.map((i: { id: string }) => i.id)).toContain(cartInvoice.id)
        expect(carts.data.invoices.every((i: { status: string }) => i.status === "abandoned")).toBe(true)
        const everything = await api.get("/admin/portico/invoices?status[]=abandoned&status[]=open&status[]=paid&status[]=void&limit=100", admin)
        expect(everything.data.count).toBe(byDefault.data.count + carts.data.count)
        // A cart's invoice is found when looked up by its cart.
        const byCart = await api.get(`/admin/portico/invoices?cart_id=${shopping.id}`, admin)
        expect(byCart.data.invoices.map((i: { id: string }) => i.id)).toEqual([cartInvoice.id])
        const future = new Date(Date.now() + 86_400_000).toISOString()
        expect((await api.get(`/admin/portico/invoices?created_at[$gte]=${future}`, admin)).data.count).toBe(0)
        const badStatus = await response(api.get("/admin/portico/invoices?status=lost", admin))
        expect(badStatus.status).toBe(400)
        const detail = await api.get(`/admin/portico/invoices/${invoice.id}`, admin)
        expect(detail.data.invoice.lines).toEqual([expect.objectContaining({ title: "Website audit", quantity: 2, total: 972 })])
        const missing = await response(api.get("/admin/portico/invoices/inv_nope", admin))
        expect(missing.status).toBe(404)
        expect(missing.data.code).toBe("not_found")
      })

      it("numbers 20 concurrent checkouts sequentially, without gaps or duplicates", async () => {
        const audit = await variantOf(api, demo, "copywriting", demo.region_ids.usd)
        const carts = await Promise.all(
          Array.from({ length: 20 }, async (_, i) => {
            // One client per cart: Medusa's find-or-create customer is not safe
            // for 20 simultaneous carts of one new email.
            const cart = await createCart(api, demo, demo.region_ids.usd, { email: `buyer-${i}@example.com` })
            await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: audit.id, quantity: 1 }, h)
            return cart.id as string
          })
        )
        const [last] = await invoices().listInvoices({ number: { $ne: null } }, { order: { number: "DESC" }, take: 1 })
        const start = last ? Number(last.number!.slice(4)) : 0

        const results = await Promise.all(carts.map((id) => checkout(api, demo, id)))
        expect(results.every((r) => r.data.type === "order")).toBe(true)

        const numbered = await eventually(async () => {
          const list = await invoices().listInvoices({ cart_id: carts })
          expect(list.filter((i) => i.status === "paid")).toHaveLength(20)
          return list
        }, 30_000)
        const numbers = numbered.map((i) => Number(i.number!.slice(4))).sort((a, b) => a - b)
        expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => start + 1 + i))
      })

      it("reflects fixed and percentage promotions with usage limits, and tax regions", async () => {
        const admin = await adminHeaders(api, demo)
        const { data: campaign } = await api.post(
          "/admin/campaigns",
          { name: "Launch", campaign_identifier: "launch-50", budget: { type: "usage", limit: 1 } },
          admin
        )
        await api.post(
          "/admin/promotions",
          {
            code: "FIXED50",
            type: "standard",
            status: "active",
            campaign_id: campaign.campaign.id,
            application_method: { type: "fixed", target_type: "order", allocation: "across", value: 50, currency_code: "usd" },
          },
          admin
        )
        const audit = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
        const first = await createCart(api, demo, demo.region_ids.usd)
        await api.post(`/store/carts/${first.id}/line-items`, { variant_id: audit.id, quantity: 1 }, h)
        await api.post(`/store/carts/${first.id}/promotions`, { promo_codes: ["FIXED50"] }, h)
        const inv = (await api.get(`/store/carts/${first.id}/invoice`, h)).data.invoice
        // (450 − 50) × 1.08 = 432
        expect(inv).toMatchObject({ subtotal: 450, discount_total: 50, tax_total: 32, total: 432, promotion_codes: ["FIXED50"] })
        expect((await checkout(api, demo, first.id)).data.type).toBe("order")

        // The budget allowed one use: a second cart gets no discount from it.
        const second = await createCart(api, demo, demo.region_ids.usd)
        await api.post(`/store/carts/${second.id}/line-items`, { variant_id: audit.id, quantity: 1 }, h)
        await response(api.post(`/store/carts/${second.id}/promotions`, { promo_codes: ["FIXED50"] }, h))
        const inv2 = (await api.get(`/store/carts/${second.id}/invoice`, h)).data.invoice
        expect(inv2).toMatchObject({ discount_total: 0, total: 486, promotion_codes: [] })

        // German VAT (19 %) in the EUR region, with the 10 % coupon.
        const eu = await variantOf(api, demo, "website-audit", demo.region_ids.eur)
        const { data: de } = await api.post(
          "/store/carts",
          {
            region_id: demo.region_ids.eur,
            email: "lena@example.com",
            shipping_address: { first_name: "Lena", last_name: "Kunde", address_1: "Hauptstraße 1", city: "Berlin", postal_code: "10115", country_code: "de" },
          },
          h
        )
        await api.post(`/store/carts/${de.cart.id}/line-items`, { variant_id: eu.id, quantity: 1 }, h)
        await api.post(`/store/carts/${de.cart.id}/promotions`, { promo_codes: [demo.coupon] }, h)
        const deInv = (await api.get(`/store/carts/${de.cart.id}/invoice`, h)).data.invoice
        // 420 − 10 % = 378, + 19 % = 449.82
        expect(deInv).toMatchObject({ currency_code: "eur", tax_total: 71.82, total: 449.82 })
      })

      it("serves a registered client's cart and order invoices to that client only", async () => {
        const register = async (email: string) => (await registerClient(api, demo, email)).headers
        const mia = await register("mia@example.com")
        const noah = await register("noah@example.com")
        const audit = await variantOf(api, demo, "website-audit", demo.region_ids.usd)
        const cart = await createCart(api, demo, demo.region_ids.usd, { email: "mia@example.com" }, mia)
        await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: audit.id, quantity: 1 }, mia)

        expect((await api.get(`/store/carts/${cart.id}/invoice`, mia)).status).toBe(200)
        const foreign = await response(api.get(`/store/carts/${cart.id}/invoice`, noah))
        expect(foreign.status).toBe(404)
        expect(foreign.data.code).toBe("not_found")
        expect((await response(api.get(`/store/carts/${cart.id}/invoice`, h))).status).toBe(404)

        const completed = await checkout(api, demo, cart.id, mia)
        const orderId = completed.data.order.id
        expect((await api.get(`/store/orders/${orderId}/invoice`, mia)).data.invoice.status).toBe("paid")
        expect((await response(api.get(`/store/orders/${orderId}/invoice`, noah))).status).toBe(404)
        expect((await response(api.get(`/store/orders/${orderId}/invoice`, h))).status).toBe(404)
        expect((await response(api.get(`/store/orders/order_nope/invoice`, h))).status).toBe(404)
        expect((await response(api.get(`/store/carts/cart_nope/invoice`, h))).status).toBe(404)
      })
    })
  },
})
