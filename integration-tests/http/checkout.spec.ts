import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { DemoInfo } from "../../scripts/seed-demo"
import { seedDemo, storeHeaders } from "../helpers/demo"
import { checkout as checkout_, response, usAddress, variantOf as variantOf_ } from "../helpers/store"
import { settleLockKey, untilCheckoutSettled } from "../../src/workflows/checkout/settle-lock"

jest.setTimeout(120_000)

/**
 * A stock Medusa checkout of a service through the store API, with Portico
 * and the store-credit plugin loaded. Every later capability keeps this green.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let demo: DemoInfo

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
    })

    const variantOf = (handle: string, regionId: string, sku?: string) =>
      variantOf_(api, demo, handle, regionId, sku)
    const checkout = (cartId: string) => checkout_(api, demo, cartId)
    const address = usAddress

    it("checks out a service: cart → line item → system payment → order with the right total", async () => {
      const h = storeHeaders(demo)
      const variant = await variantOf("website-audit", demo.region_ids.usd)
      expect(variant.calculated_price.calculated_amount).toBe(450)

      const {
        data: { cart },
      } = await api.post(
        "/store/carts",
        { region_id: demo.region_ids.usd, email: "ada@example.com", shipping_address: address, billing_address: address },
        h
      )
      expect(cart.currency_code).toBe("usd")

      const added = await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 2 }, h)
      const item = added.data.cart.items[0]
      expect(item.requires_shipping).toBe(false)
      // 2 × 450 = 900, plus 8 % US sales tax = 972
      expect(added.data.cart.subtotal).toBe(900)
      expect(added.data.cart.tax_total).toBe(72)
      expect(added.data.cart.total).toBe(972)

      const completed = await checkout(cart.id)
      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")
      const order = completed.data.order
      expect(order.total).toBe(972)
      expect(order.currency_code).toBe("usd")
      expect(order.items).toHaveLength(1)
      expect(order.items[0].quantity).toBe(2)

      // The order is really stored, with its payment authorized for the full total.
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [stored],
      } = await query.graph({
        entity: "order",
        fields: ["id", "total", "email", "payment_collections.amount", "payment_collections.status"],
        filters: { id: order.id },
      })
      expect(Number(stored.total)).toBe(972)
      expect(stored.email).toBe("ada@example.com")
      expect(stored.payment_collections).toHaveLength(1)
      expect(Number(stored.payment_collections[0].amount)).toBe(972)
      expect(stored.payment_collections[0].status).toBe("authorized")
    })

    it("applies the demo coupon before tax", async () => {
      const h = storeHeaders(demo)
      const variant = await variantOf("website-audit", demo.region_ids.usd)
      const {
        data: { cart },
      } = await api.post("/store/carts", { region_id: demo.region_ids.usd, email: "bo@example.com", shipping_address: address }, h)
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 2 }, h)
      const {
        data: { cart: discounted },
      } = await api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: [demo.coupon] }, h)
      // 900 − 10 % = 810, plus 8 % tax = 874.80
      expect(discounted.discount_total).toBe(97.2)
      expect(discounted.total).toBe(874.8)

      const completed = await checkout(cart.id)
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.total).toBe(874.8)
    })

    it("holds the cart's settle lock only while a checkout runs: the safety-net subscribers wait for it, then go on", async () => {
      const container = getContainer()
      const locking = container.resolve(Modules.LOCKING)
      // A checkout settling its order holds the lock (no owner, as acquireLockStep takes it).
      await locking.acquire(settleLockKey("cart_settling"), { expire: 60 })
      let settled = false
      const waiting = untilCheckoutSettled(container, "cart_settling").then(() => (settled = true))
      await new Promise((r) => setTimeout(r, 700))
      expect(settled).toBe(false)
      await locking.release(settleLockKey("cart_settling"))
      await waiting
      expect(settled).toBe(true)
      // Nothing to wait for: no checkout running, or no cart (a renewal's invoice).
      await untilCheckoutSettled(container, "cart_free")
      await untilCheckoutSettled(container, null)

      // A completion refused (no payment yet) and one that places the order both give the lock back.
      const h = storeHeaders(demo)
      const variant = await variantOf("website-audit", demo.region_ids.usd)
      const {
        data: { cart },
      } = await api.post("/store/carts", { region_id: demo.region_ids.usd, email: "lock@example.com", billing_address: address }, h)
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 1 }, h)
      const refused = await response(api.post(`/store/carts/${cart.id}/complete`, {}, h))
      expect(refused.data.type ?? refused.status).not.toBe("order")
      await locking.acquire(settleLockKey(cart.id), { expire: 5 })
      await locking.release(settleLockKey(cart.id))
      expect((await checkout(cart.id)).data.type).toBe("order")
      await locking.acquire(settleLockKey(cart.id), { expire: 5 })
      await locking.release(settleLockKey(cart.id))
    })

    it("prices the same service in each region's currency", async () => {
      const usd = await variantOf("logo-design", demo.region_ids.usd, "LOGO-BASIC")
      const eur = await variantOf("logo-design", demo.region_ids.eur, "LOGO-BASIC")
      expect(usd.calculated_price.currency_code).toBe("usd")
      expect(eur.calculated_price.currency_code).toBe("eur")
      expect(usd.calculated_price.calculated_amount).toBe(300)
      expect(eur.calculated_price.calculated_amount).toBe(280)
    })
  },
})
