import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import type { DemoInfo } from "../../scripts/seed-demo"
import { adminHeaders, seedDemo, type storeHeaders } from "./demo"
import { type Api, nameFailedRequests } from "./store"

type Headers = ReturnType<typeof storeHeaders>

/** What a payment provider's HTTP suite works with (filled in by `setUpPaymentSuite`). */
export type PaymentSuite = {
  demo: DemoInfo
  admin: { headers: Record<string, string> }
  region_id: string
  /** Variant id of each service created, by title. */
  variants: Record<string, string>
  /** Product id of each service created, by title. */
  products: Record<string, string>
  /** Invoice ids in the order `portico.invoice.paid` was emitted for them. */
  paid_events: string[]
}

/**
 * The common ground of the payment specs: demo data, the admin's headers, a
 * USD region (Canada, no tax) offering exactly `providers`, one published
 * service per `services` entry (title → USD price) and a record of
 * `portico.invoice.paid` events. Call it in the suite's `beforeAll`.
 */
export async function setUpPaymentSuite(
  api: Api,
  container: MedusaContainer,
  options: { region: string; providers: string[]; services: Record<string, number> }
): Promise<PaymentSuite> {
  nameFailedRequests(api)
  const demo = await seedDemo(container)
  const admin = await adminHeaders(api, demo)
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: options.region, currency_code: "usd", countries: ["ca"], payment_providers: options.providers }] },
  })
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: Object.entries(options.services).map(([title, amount]) => ({
        title,
        status: ProductStatus.PUBLISHED,
        options: [{ title: "Service", values: ["Default"] }],
        variants: [{ title: "Default", manage_inventory: false, options: { Service: "Default" }, prices: [{ amount, currency_code: "usd" }] }],
        sales_channels: [{ id: demo.sales_channel_id }],
      })),
    },
  })
  const paid_events: string[] = []
  container.resolve(Modules.EVENT_BUS).subscribe(
    "portico.invoice.paid",
    async (event) => {
      paid_events.push((event.data as { id: string }).id)
    },
    { subscriberId: `payment-suite-paid-${options.region}` }
  )
  return {
    demo,
    admin,
    region_id: region.id,
    variants: Object.fromEntries(result.map((p) => [p.title, p.variants[0].id])),
    products: Object.fromEntries(result.map((p) => [p.title, p.id])),
    paid_events,
  }
}

/**
 * A client's cart with one service and a payment session with `providerId`
 * (`data` as the client sends it; `cart`: more fields of the new cart, such
 * as a billing address): returns the cart id, the payment
 * collection id and the session (its `data` is what the provider keeps).
 */
export async function cartWithSession(
  api: Api,
  h: Headers,
  suite: PaymentSuite,
  options: { email: string; variant_id: string; provider_id: string; data?: Record<string, unknown>; cart?: Record<string, unknown> }
) {
  const { data } = await api.post("/store/carts", { region_id: suite.region_id, email: options.email, ...options.cart }, h)
  await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: options.variant_id, quantity: 1 }, h)
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: data.cart.id }, h)
  const { data: withSession } = await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: options.provider_id, ...(options.data ? { data: options.data } : {}) },
    h
  )
  return {
    cart_id: data.cart.id as string,
    collection_id: payment_collection.id as string,
    session: withSession.payment_collection.payment_sessions[0],
  }
}

/** The orders placed from a cart, as the admin lists them (a cart completed twice must still show one). */
export async function ordersOfCart(api: Api, suite: PaymentSuite, cartId: string): Promise<{ id: string }[]> {
  const { data } = await api.get(`/admin/orders?fields=id,cart.id&limit=100`, suite.admin)
  return data.orders.filter((o: { cart?: { id: string } }) => o.cart?.id === cartId)
}
