// The store-API checkout flows the benchmark times, one request per operation
// (payment session: creating the payment collection and its session).
//
//   guest:  a client without an account.
//   credit: a signed-in client (bearer token) whose account credit covers part
//           of the cart; the rest is paid through a payment session.
//   portal: not a checkout: a signed-in client with many orders reads the
//           first page of its purchases (see PORTAL_OPERATIONS).

export const GUEST_OPERATIONS = [
  "create cart",
  "add item",
  "add second item",
  "update quantity",
  "apply coupon",
  "read cart",
  "payment session",
  "complete",
]

/**
 * "apply credit" is what the client does to use its credit at the checkout
 * step. Stock: the loyalty plugin's own store route, `POST
 * /store/carts/:id/store-credits` (applies the balance, at most the cart
 * total). Portico applies the credit by itself (in the background shortly
 * after cart and balance changes, after a coupon and when the payment
 * starts), so its storefront only reads what is applied:
 * `GET /store/carts/:id/credit` (the checkout's credit view, a read).
 */
export const CREDIT_OPERATIONS = [
  "create cart",
  "add item",
  "add second item",
  "update quantity",
  "apply coupon",
  "apply credit",
  "read cart",
  "payment session",
  "complete",
]

/**
 * The portal flow: a signed-in client with many paid orders reads the first
 * page (20) of its purchases, as an account page does. "orders list" is
 * Medusa's own `GET /store/orders` in both apps (what a stock account page
 * reads); "purchases list" is Portico's `GET /store/portico/invoices` (the
 * portal's main page), timed in the Portico app only and compared with the
 * stock app's `GET /store/orders`.
 */
export const PORTAL_OPERATIONS = ["orders list", "purchases list"]

const PORTAL_PAGE = "limit=20&offset=0"

/** The request each portal operation sends in each app (null: that app does not send it). */
export const PORTAL_REQUESTS = {
  "orders list": { stock: `/store/orders?${PORTAL_PAGE}`, portico: `/store/orders?${PORTAL_PAGE}` },
  "purchases list": { stock: null, portico: `/store/portico/invoices?${PORTAL_PAGE}` },
}

/**
 * The license flow: "region read" is Medusa's own `GET /store/regions/:id` in
 * both apps (a trivial store route); "license validate" is Portico's public
 * `POST /license/validate` (a key and an instance id), timed in the Portico
 * app only and compared with the stock app's region read.
 */
export const LICENSE_OPERATIONS = ["region read", "license validate"]

export const FLOWS = { guest: GUEST_OPERATIONS, credit: CREDIT_OPERATIONS, portal: PORTAL_OPERATIONS, license: LICENSE_OPERATIONS }

/** The flows that check out (the portal flow only reads). */
export const CHECKOUT_FLOWS = ["guest", "credit"]

/** Account credit granted before each credit-flow checkout: less than the cart's total (≈ 991 USD), so it covers part. */
export const CREDIT_PER_CHECKOUT = 300

/** A tiny client for one backend: the store API with its publishable key, and a bearer token when given. */
export function storeClient(baseUrl, publishableKey, token) {
  const headers = { "content-type": "application/json", "x-publishable-api-key": publishableKey }
  if (token) {
    headers.authorization = `Bearer ${token}`
  }
  async function call(method, path, body) {
    const res = await fetch(baseUrl + path, { method, headers, body: body ? JSON.stringify(body) : undefined })
    const data = await res.json()
    if (!res.ok) {
      throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(data)}`)
    }
    return data
  }
  return {
    baseUrl,
    publishableKey,
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body ?? {}),
    /** The same client, signed in with `token`. */
    withToken: (t) => storeClient(baseUrl, publishableKey, t),
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

/**
 * A registered client, as a storefront signs one up: register the email and
 * password, create the customer with that token, then log in. Returns the
 * signed-in store client and the customer.
 */
export async function registerClient(api, email, password = "bench-password") {
  const { token: registration } = await api.post("/auth/customer/emailpass/register", { email, password })
  const { customer } = await api
    .withToken(registration)
    .post("/store/customers", { email, first_name: "Bench", last_name: "Client" })
  const { token } = await api.post("/auth/customer/emailpass", { email, password })
  return { api: api.withToken(token), customer }
}

/** An admin API client (bearer token of the seeded admin): grants credit, outside the timed operations. */
export async function adminClient(baseUrl, email, password) {
  const login = await fetch(`${baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  const { token } = await login.json()
  if (!token) {
    throw new Error(`admin login failed (${login.status})`)
  }
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` }
  async function call(method, path, body) {
    const res = await fetch(baseUrl + path, { method, headers, body: body ? JSON.stringify(body) : undefined })
    const data = await res.json()
    if (!res.ok) {
      throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(data)}`)
    }
    return data
  }
  return { get: (path) => call("GET", path), post: (path, body) => call("POST", path, body ?? {}) }
}

/**
 * The client's USD store-credit account (the loyalty plugin's admin API,
 * created when missing). Returns its id.
 */
export async function creditAccount(admin, customerId) {
  const { store_credit_accounts } = await admin.get(
    `/admin/store-credit-accounts?customer_id=${customerId}&currency_code=usd`
  )
  if (store_credit_accounts.length) {
    return store_credit_accounts[0].id
  }
  const { store_credit_account } = await admin.post("/admin/store-credit-accounts", {
    currency_code: "usd",
    customer_id: customerId,
  })
  return store_credit_account.id
}

/**
 * Brings the account's balance up to `amount` with the loyalty plugin's admin
 * route (`POST /admin/store-credit-accounts/:id/credit`): the same mechanism
 * in both apps, not timed. Returns the balance found before (0 when the
 * previous checkout spent its credit).
 */
export async function topUpCredit(admin, accountId, amount = CREDIT_PER_CHECKOUT) {
  const { store_credit_account } = await admin.get(`/admin/store-credit-accounts/${accountId}`)
  const before = Number(store_credit_account.balance ?? 0)
  if (amount - before > 0) {
    await admin.post(`/admin/store-credit-accounts/${accountId}/credit`, { amount: amount - before, note: "bench" })
  }
  return before
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
 * Runs a checkout once: the guest flow, or with `credit` the signed-in flow
 * (`api` signed in, `credit.portico` telling which app, for "apply credit").
 * With `timings`, records each operation's duration (ms) under its name; with
 * `stopBefore`, stops before that operation. Returns `{ cartId, orderId,
 * completedAt }` (`completedAt`: `performance.now()` when complete returned).
 */
export async function checkout(api, fx, { timings, stopBefore, credit } = {}) {
  let cartId
  let orderId
  let completedAt
  let firstLineId
  const steps = {
    "create cart": async () => {
      // A signed-in client's cart takes the customer (and email) from the token.
      const body = credit
        ? { region_id: fx.regionId, shipping_address: address }
        : { region_id: fx.regionId, email: "bench@example.com", shipping_address: address }
      const { cart } = await api.post("/store/carts", body)
      cartId = cart.id
    },
    "add item": async () => {
      const { cart } = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: fx.first, quantity: 1 })
      firstLineId = cart.items.find((i) => i.variant_id === fx.first).id
    },
    "add second item": () => api.post(`/store/carts/${cartId}/line-items`, { variant_id: fx.second, quantity: 1 }),
    "update quantity": () => api.post(`/store/carts/${cartId}/line-items/${firstLineId}`, { quantity: 2 }),
    "apply coupon": () => api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["WELCOME10"] }),
    "apply credit": async () => {
      if (credit.portico) {
        const { credit: view } = await api.get(`/store/carts/${cartId}/credit`)
        if (!(Number(view.applied) > 0)) throw new Error(`Portico applied no credit: ${JSON.stringify(view)}`)
      } else {
        const { cart } = await api.post(`/store/carts/${cartId}/store-credits`, {})
        if (!(Number(cart.credit_line_total) > 0)) throw new Error(`store-credits applied no credit to ${cartId}`)
      }
    },
    // What a storefront does on every page (the coupon's request already applied Portico's credit).
    "read cart": async () => {
      const { cart } = await api.get(`/store/carts/${cartId}`)
      if (credit && !(Number(cart.credit_line_total) > 0 && Number(cart.total) > 0)) {
        throw new Error(`credit flow: the cart should be partly covered: total ${cart.total}, credit ${cart.credit_line_total}`)
      }
    },
    "payment session": async () => {
      const { payment_collection } = await api.post("/store/payment-collections", { cart_id: cartId })
      await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
    },
    complete: async () => {
      const result = await api.post(`/store/carts/${cartId}/complete`)
      completedAt = performance.now()
      if (result.type !== "order") {
        throw new Error(`complete did not place an order: ${JSON.stringify(result)}`)
      }
      orderId = result.order.id
    },
  }
  for (const name of credit ? CREDIT_OPERATIONS : GUEST_OPERATIONS) {
    if (name === stopBefore) {
      return { cartId }
    }
    const started = performance.now()
    await steps[name]()
    timings?.[name].push(performance.now() - started)
  }
  return { cartId, orderId, completedAt }
}

/**
 * Portico's post-payment work of an order, seen from outside: polls (every
 * `intervalMs`) until the order's service orders are listed to its client
 * (`GET /store/portico/orders/:id/service-orders`) and the notification
 * module recorded `emails` sent emails of the order's invoice (rows of the
 * `notification` table, status `success`). Returns the ms from `since` (when
 * the complete call returned) to each.
 */
export async function waitForPostPayment(api, db, orderId, { since, serviceOrders, emails, intervalMs = 25, timeoutMs = 60_000 }) {
  let serviceOrdersMs
  let emailsMs
  while (serviceOrdersMs === undefined || emailsMs === undefined) {
    if (performance.now() - since > timeoutMs) {
      throw new Error(`post-payment work of ${orderId} not seen within ${timeoutMs} ms (service orders ${serviceOrdersMs ?? "no"}, emails ${emailsMs ?? "no"})`)
    }
    if (serviceOrdersMs === undefined) {
      const { service_orders } = await api.get(`/store/portico/orders/${orderId}/service-orders`)
      if (service_orders.length >= serviceOrders) serviceOrdersMs = performance.now() - since
    }
    if (emailsMs === undefined) {
      const { rows } = await db.query(
        `select count(*)::int as sent from notification n join portico_invoice i on n.resource_id = i.id
          where i.order_id = $1 and n.status = 'success' and n.deleted_at is null`,
        [orderId]
      )
      if (rows[0].sent >= emails) emailsMs = performance.now() - since
    }
    if (serviceOrdersMs === undefined || emailsMs === undefined) {
      await new Promise((r) => setTimeout(r, intervalMs))
    }
  }
  return { serviceOrdersMs, emailsMs, doneMs: Math.max(serviceOrdersMs, emailsMs) }
}

/**
 * Places `count` paid orders for the signed-in client `api`, `concurrency` at
 * a time, each through the store API as a storefront does: create a cart with
 * one item (the cheapest service, `fx.second`) → payment collection → session
 * with `pp_system_default` → complete. Not timed as operations (the portal
 * flow's set-up). `onProgress(done)` is called after each order.
 */
export async function placeOrders(api, fx, count, { concurrency = 10, onProgress } = {}) {
  let next = 0
  let done = 0
  const placeOne = async () => {
    next++
    const { cart } = await api.post("/store/carts", {
      region_id: fx.regionId,
      shipping_address: address,
      items: [{ variant_id: fx.second, quantity: 1 }],
    })
    const { payment_collection } = await api.post("/store/payment-collections", { cart_id: cart.id })
    await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
    const result = await api.post(`/store/carts/${cart.id}/complete`)
    if (result.type !== "order") {
      throw new Error(`portal set-up: complete did not place an order: ${JSON.stringify(result)}`)
    }
    onProgress?.(++done)
  }
  // The client's first payment session creates its payment account holder;
  // concurrent first sessions race on it (Medusa answers 400 "Account holder
  // … already exists"), so the first order is placed alone.
  if (count > 0) await placeOne()
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await placeOne()
    })
  )
}

/**
 * One read of the portal flow: GETs `path` (a first page of 20) and checks
 * that it lists `expected` records in all (`count`) and a full first page
 * under `key` (`orders` or `invoices`).
 */
export async function portalRead(api, path, key, expected) {
  const page = await api.get(path)
  if (page.count !== expected || page[key]?.length !== Math.min(20, expected)) {
    throw new Error(`${path}: expected ${expected} ${key} (a page of ${Math.min(20, expected)}), got count ${page.count} and ${page[key]?.length} on the page`)
  }
}
