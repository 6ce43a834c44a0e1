// The store-API checkout flow the benchmark times, one request per operation
// (payment session: creating the payment collection and its session).

export const OPERATIONS = [
  "create cart",
  "add item",
  "add second item",
  "update quantity",
  "apply coupon",
  "read cart",
  "payment session",
  "complete",
]

/** A tiny store-API client for one backend. */
export function storeClient(baseUrl, publishableKey) {
  const headers = { "content-type": "application/json", "x-publishable-api-key": publishableKey }
  async function call(method, path, body) {
    const res = await fetch(baseUrl + path, { method, headers, body: body ? JSON.stringify(body) : undefined })
    const data = await res.json()
    if (!res.ok) {
      throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(data)}`)
    }
    return data
  }
  return {
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body ?? {}),
  }
}

/** Region and variant ids the flow uses, looked up once per app. */
export async function fixtures(api) {
  const { regions } = await api.get("/store/regions")
  const region = regions.find((r) => r.currency_code === "usd")
  const { products } = await api.get(`/store/products?handle[]=website-audit&handle[]=copywriting&region_id=${region.id}&fields=handle,*variants`)
  const byHandle = Object.fromEntries(products.map((p) => [p.handle, p.variants[0].id]))
  return { regionId: region.id, first: byHandle["website-audit"], second: byHandle["copywriting"] }
}

const address = {
  first_name: "Bench",
  last_name: "Client",
  address_1: "1 Main Street",
  city: "New York",
  postal_code: "10001",
  country_code: "us",
}

/**
 * Runs the checkout once. With `timings`, records each operation's duration
 * (ms) under its name; with `stopBefore`, stops before that operation and
 * returns the cart id (used to prepare carts for the concurrent run).
 */
export async function checkout(api, fx, { timings, stopBefore } = {}) {
  let cartId
  let firstLineId
  const steps = {
    "create cart": async () => {
      const { cart } = await api.post("/store/carts", { region_id: fx.regionId, email: "bench@example.com", shipping_address: address })
      cartId = cart.id
    },
    "add item": async () => {
      const { cart } = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: fx.first, quantity: 1 })
      firstLineId = cart.items.find((i) => i.variant_id === fx.first).id
    },
    "add second item": () => api.post(`/store/carts/${cartId}/line-items`, { variant_id: fx.second, quantity: 1 }),
    "update quantity": () => api.post(`/store/carts/${cartId}/line-items/${firstLineId}`, { quantity: 2 }),
    "apply coupon": () => api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["WELCOME10"] }),
    // What a storefront does on every page; Portico recomputes account credit first.
    "read cart": () => api.get(`/store/carts/${cartId}`),
    "payment session": async () => {
      const { payment_collection } = await api.post("/store/payment-collections", { cart_id: cartId })
      await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
    },
    complete: async () => {
      const result = await api.post(`/store/carts/${cartId}/complete`)
      if (result.type !== "order") {
        throw new Error(`complete did not place an order: ${JSON.stringify(result)}`)
      }
    },
  }
  for (const name of OPERATIONS) {
    if (name === stopBefore) {
      return cartId
    }
    const started = performance.now()
    await steps[name]()
    timings?.[name].push(performance.now() - started)
  }
  return cartId
}
