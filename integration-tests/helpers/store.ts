import type { DemoInfo } from "../../scripts/seed-demo"
import { storeHeaders } from "./demo"

type Res = { data: any; status: number; headers?: any }
/** The part of the test runner's HTTP client the helpers use. */
export type Api = {
  get: (url: string, config?: unknown) => Promise<Res>
  post: (url: string, body?: unknown, config?: unknown) => Promise<Res>
  delete: (url: string, config?: unknown) => Promise<Res>
}

/** A US address (8 % sales tax in the demo store). */
export const usAddress = {
  first_name: "Ada",
  last_name: "Client",
  address_1: "1 Main Street",
  city: "New York",
  postal_code: "10001",
  country_code: "us",
}

/**
 * Makes a failed request name itself in the test output (method, URL and the
 * server's answer) instead of a bare "Request failed with status code 400".
 */
export function nameFailedRequests(api: unknown) {
  ;(api as { interceptors: { response: { use: (ok: undefined, ko: (e: any) => never) => void } } }).interceptors.response.use(
    undefined,
    (e) => {
      e.message = `${e.config?.method?.toUpperCase()} ${e.config?.url} → ${e.message}: ${JSON.stringify(e.response?.data)}`
      throw e
    }
  )
}

/** Resolves an HTTP error into its response, so a test can assert on 4xx bodies. */
export const response = (p: Promise<Res>): Promise<Res> =>
  p.catch((e: { response?: Res }) => {
    if (!e.response) {
      throw e
    }
    return e.response
  })

/** A variant of a demo service, with its calculated price in the region. */
export async function variantOf(api: Api, demo: DemoInfo, handle: string, regionId: string, sku?: string) {
  const { data } = await api.get(
    `/store/products?handle=${handle}&region_id=${regionId}&fields=*variants.calculated_price`,
    storeHeaders(demo)
  )
  const variants = data.products[0].variants
  return sku ? variants.find((v: { sku: string }) => v.sku === sku) : variants[0]
}

/** Creates a cart in a region with an email and US addresses. */
export async function createCart(api: Api, demo: DemoInfo, regionId: string, extra: Record<string, unknown> = {}, headers = storeHeaders(demo)) {
  const { data } = await api.post(
    "/store/carts",
    { region_id: regionId, email: "ada@example.com", shipping_address: usAddress, billing_address: usAddress, ...extra },
    headers
  )
  return data.cart
}

/** Pays a cart with Medusa's system provider and completes it. */
export async function checkout(api: Api, demo: DemoInfo, cartId: string, headers = storeHeaders(demo)) {
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    headers
  )
  return api.post(`/store/carts/${cartId}/complete`, {}, headers)
}

/** Waits until `fn` stops throwing (work done by async subscribers), up to `ms`. */
export async function eventually<T>(fn: () => Promise<T>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    try {
      return await fn()
    } catch (e) {
      if (Date.now() > until) {
        throw e
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

/** Registers a client with an account and returns their store headers and customer id. */
export async function registerClient(api: Api, demo: DemoInfo, email: string) {
  const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password: "secret-123" })
  const { data: created } = await api.post(
    "/store/customers",
    { email },
    storeHeaders(demo, { authorization: `Bearer ${reg.token}` })
  )
  const { data: login } = await api.post("/auth/customer/emailpass", { email, password: "secret-123" })
  return { headers: storeHeaders(demo, { authorization: `Bearer ${login.token}` }), customer_id: created.customer.id as string }
}
